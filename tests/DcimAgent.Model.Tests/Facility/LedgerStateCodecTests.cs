using System.Text;
using DcimAgent.Model.Facility;

namespace DcimAgent.Model.Tests.Facility;

public sealed class LedgerStateCodecTests
{
    private static LedgerState Sample() => new()
    {
        SavedWallMs = 1_750_000_060_000,
        Roles = [new LedgerTotalState { Site = "hall1", Name = "it", EnergyJoules = 123_456_789.123456789, GapSeconds = 45, Meters = ["pdu-1", "pdu-2"] }],
        Racks = [new LedgerTotalState { Site = "hall1", Name = "R01", Room = "room1", Tenant = "acme", EnergyJoules = 0.1 + 0.2 }],
        Meters = [new LedgerMeterState { Key = "pdu-1|outlet=3", Device = "pdu-1", HasPower = true, Power = -0.5, ObservedWallMs = 42 }],
    };

    [Fact]
    public void Decode_EncodedState_RoundTripsEveryDoubleExactly()
    {
        var decoded = LedgerStateCodec.Decode(LedgerStateCodec.Encode(Sample()));

        Assert.Equal(123_456_789.123456789, decoded.Roles[0].EnergyJoules);
        Assert.Equal(0.1 + 0.2, decoded.Racks[0].EnergyJoules);
        Assert.Equal(["pdu-1", "pdu-2"], decoded.Roles[0].Meters);
        Assert.Equal("pdu-1|outlet=3", decoded.Meters[0].Key);
        Assert.Equal(-0.5, decoded.Meters[0].Power);
        Assert.Equal(1_750_000_060_000, decoded.SavedWallMs);
    }

    [Fact]
    public void Encode_State_UsesSnakeCaseKeys()
    {
        var json = Encoding.UTF8.GetString(LedgerStateCodec.Encode(Sample()));

        Assert.Contains("\"energy_joules\": 123456789.12345679", json);
        Assert.Contains("\"observed_wall_ms\": 42", json);
    }

    [Theory]
    [InlineData("{\"version\":1,\"roles\":[{\"site\":\"s\",\"name\":\"it\",\"energy_joules\":-5}]}", "roles[0].energy_joules is -5")]
    [InlineData("{\"version\":2}", "version 2 is not the supported version 1")]
    [InlineData("{\"version\":1,\"meters\":[{\"key\":\"\"}]}", "meters[0].key is empty")]
    [InlineData("{\"version\":1,\"racks\":[{\"site\":\"s\",\"name\":\"\"}]}", "racks[0] lacks its site or name")]
    [InlineData("null", "the file holds JSON null")]
    [InlineData("{\"version\":1,\"roles\":[{\"site\":\"s\",\"name\":\"it\",\"energy_joules\":\"12\"}]}", "not valid ledger JSON at $.roles[0].energy_joules")]
    [InlineData("{\"version\":1,\"roles\":[{\"site\":\"s\",", "not valid ledger JSON at $.roles[0]")]
    public void Decode_DamagedState_ThrowsNamingTheBadValue(string json, string expected)
    {
        var ex = Assert.Throws<LedgerStateException>(() => LedgerStateCodec.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedRealState_ThrowsNeverReturnsPartialState()
    {
        var bytes = LedgerStateCodec.Encode(Sample());
        for (var cut = 0; cut < bytes.Length - 1; cut += 7)
        {
            Assert.Throws<LedgerStateException>(() => LedgerStateCodec.Decode(bytes.AsSpan(0, cut)));
        }
    }
}
