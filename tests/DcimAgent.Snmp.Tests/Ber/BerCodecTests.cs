using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Tests.Support;

namespace DcimAgent.Snmp.Tests.Ber;

public sealed class BerCodecTests
{
    public static TheoryData<string, string, SnmpValue> Values => new()
    {
        { "INTEGER 0", "020100", SnmpValue.Integer(0) },
        { "INTEGER 127", "02017F", SnmpValue.Integer(127) },
        { "INTEGER 128 needs a sign octet", "02020080", SnmpValue.Integer(128) },
        { "INTEGER -1", "0201FF", SnmpValue.Integer(-1) },
        { "INTEGER -129", "0202FF7F", SnmpValue.Integer(-129) },
        { "INTEGER max", "02047FFFFFFF", SnmpValue.Integer(int.MaxValue) },
        { "INTEGER min", "020480000000", SnmpValue.Integer(int.MinValue) },
        { "OCTET STRING", "0403616263", SnmpValue.OctetString("abc") },
        { "OCTET STRING empty", "0400", SnmpValue.OctetString([]) },
        { "NULL", "0500", SnmpValue.Null },
        { "OID sysDescr.0", "06082B06010201010100", SnmpValue.ObjectId(Oid.Parse("1.3.6.1.2.1.1.1.0")) },
        { "OID with multi-octet arc 8072", "06072B06010401BF08", SnmpValue.ObjectId(Oid.Parse("1.3.6.1.4.1.8072")) },
        { "OID 2.999 (first arc 2)", "0603883703", SnmpValue.ObjectId(Oid.Parse("2.999.3")) },
        { "IpAddress", "40040A000001", SnmpValue.IpAddress([10, 0, 0, 1]) },
        { "Counter32 max", "410500FFFFFFFF", SnmpValue.Counter32(uint.MaxValue) },
        { "Gauge32 7", "420107", SnmpValue.Gauge32(7) },
        { "TimeTicks 12345", "43023039", SnmpValue.TimeTicks(12345) },
        { "Counter64 max", "46090OFFFFFFFFFFFFFFFF".Replace("O", "0"), SnmpValue.Counter64(ulong.MaxValue) },
        { "Counter64 10", "46010A", SnmpValue.Counter64(10) },
        { "Opaque raw", "44020102", SnmpValue.Opaque([1, 2]) },
        { "Opaque float 1.5 (net-snmp 9f78)", "44079F78043FC00000", SnmpValue.OpaqueFloat(1.5f) },
        { "Opaque double -2.25 (net-snmp 9f79)", "440B9F7908C002000000000000", SnmpValue.OpaqueDouble(-2.25) },
        { "noSuchObject", "8000", SnmpValue.NoSuchObject },
        { "noSuchInstance", "8100", SnmpValue.NoSuchInstance },
        { "endOfMibView", "8200", SnmpValue.EndOfMibView },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_EncodeDecode_MatchesHexBothWays(string description, string hex, SnmpValue value)
    {
        using var w = new BerWriter();
        w.WriteValue(value);
        Assert.True(Hex.Of(w.WrittenSpan) == hex, $"{description}: encoded {Hex.Of(w.WrittenSpan)}");
        var r = new BerReader(Hex.Parse(hex), BerDecodeOptions.Strict);
        Assert.Equal(value, r.ReadValue());
        Assert.False(r.HasMore);
    }

    public static TheoryData<string, string, SnmpValue> LenientOnly => new()
    {
        { "non-minimal INTEGER", "02020005", SnmpValue.Integer(5) },
        { "non-minimal negative INTEGER", "0202FFFF", SnmpValue.Integer(-1) },
        { "long-form length for 3 octets", "048103616263", SnmpValue.OctetString("abc") },
        { "negative Counter32 reinterpreted", "4101FF", SnmpValue.Counter32(uint.MaxValue) },
        { "negative Gauge32 reinterpreted", "42028000", SnmpValue.Gauge32(0xFFFF8000) },
        { "non-minimal Counter32", "4103000001", SnmpValue.Counter32(1) },
    };

    [Theory]
    [MemberData(nameof(LenientOnly))]
    public void Value_LenientEncodings_StrictThrowsLenientDecodes(string description, string hex, SnmpValue value)
    {
        var bytes = Hex.Parse(hex);
        Assert.Throws<SnmpDecodeException>(() => new BerReader(bytes, BerDecodeOptions.Strict).ReadValue());
        var r = new BerReader(bytes, BerDecodeOptions.Lenient);
        Assert.True(value == r.ReadValue(), description);
    }

    [Theory]
    [InlineData("truncated length", "04")]
    [InlineData("length beyond data", "040561")]
    [InlineData("indefinite length", "0480616200")]
    [InlineData("empty INTEGER", "0200")]
    [InlineData("INTEGER over 32 bits", "02050100000000")]
    [InlineData("empty OID", "0600")]
    [InlineData("OID ends mid sub-identifier", "06022B86")]
    [InlineData("OID arc over 32 bits", "06072B9080808000")]
    [InlineData("Counter64 too big", "460A010000000000000000")]
    [InlineData("unknown tag", "4701FF")]
    [InlineData("five length octets", "048500000000")]
    [InlineData("high tag number form", "1F0100")]
    public void Value_Malformed_ThrowsSnmpDecodeException(string description, string hex)
    {
        var bytes = Hex.Parse(hex);
        var e = Assert.Throws<SnmpDecodeException>(() => new BerReader(bytes, BerDecodeOptions.Lenient).ReadValue());
        Assert.False(string.IsNullOrEmpty(e.Message), description);
    }

    [Fact]
    public void PopSequence_LongContent_UsesMinimalLongFormLength()
    {
        using var w = new BerWriter(16);
        w.PushSequence();
        w.WriteOctetString(new byte[300]);
        w.PopSequence();
        Assert.Equal("308201300482012C", Hex.Of(w.WrittenSpan[..8]));
        Assert.Equal(4 + 4 + 300, w.Length);
    }
}
