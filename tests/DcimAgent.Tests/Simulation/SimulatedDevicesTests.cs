using System.Net;
using System.Text;
using DcimAgent.Simulator;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Tests.Simulation;

/// <summary>
/// The demo hall's SNMP devices asked over UDP by our SNMP client, as the poller will ask them: identity for
/// <c>profile: auto</c>, live readings equal to the model's, SNMPv3 on the UPS. Ports 19200–19211.
/// </summary>
public sealed class SimulatedDevicesTests : IAsyncLifetime
{
    private const int BasePort = 19200;
    private readonly DemoHall _hall = new(new HallOptions
    {
        Racks = 2,
        SnmpBasePort = BasePort,
        MqttPort = BasePort + 11,
        IncidentAfter = TimeSpan.FromSeconds(300),
    });

    private readonly SnmpClient _client = new();

    public async Task InitializeAsync()
    {
        await _hall.StartAsync(CancellationToken.None);
        await _hall.AdvanceAsync(120, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _hall.DisposeAsync();
    }

    private static SnmpTarget V2(int port) => new() { EndPoint = new IPEndPoint(IPAddress.Loopback, port), Timeout = TimeSpan.FromMilliseconds(500), Retries = 1 };

    private async Task<SnmpValue> GetAsync(SnmpTarget target, string oid)
    {
        var r = await _client.GetAsync(target, [Oid.Parse(oid)]);
        Assert.True(r.Error is null, $"{oid}: {r.Error}");
        return r.Value![0].Value;
    }

    private static long Int(SnmpValue v) => v.Type switch
    {
        SnmpType.Integer32 or SnmpType.Gauge32 or SnmpType.Counter32 or SnmpType.TimeTicks => v.AsInt64(),
        _ => throw new InvalidOperationException($"not a number: {v}"),
    };

    [Fact]
    public void Layout_TwoRacks_DevicesOnConsecutivePorts()
    {
        Assert.Equal(
            ["pdu-a01-a:19200", "pdu-a01-b:19201", "pdu-a02-a:19202", "pdu-a02-b:19203", "ups-1:19204", "inrow-a1:19205", "chiller-1:19206", "bmc-a01:19207"],
            _hall.Devices.Select(d => $"{d.Name}:{d.Port}"));
    }

    [Fact]
    public async Task Pdu_AnswersApcRpdu2IdentityAndLiveTotals()
    {
        var pdu = _hall.Model.Pdu("pdu-a01-a");
        Assert.Equal(Oid.Parse("1.3.6.1.4.1.318.1.3.4.6"), (await GetAsync(V2(BasePort), "1.3.6.1.2.1.1.2.0")).AsOid());
        Assert.StartsWith("APC Web/SNMP Management Card", (await GetAsync(V2(BasePort), "1.3.6.1.2.1.1.1.0")).AsBytes().Utf8());
        Assert.Equal("AP8886", (await GetAsync(V2(BasePort), "1.3.6.1.4.1.318.1.1.26.2.1.8.1")).AsBytes().Utf8());

        // Device power in hundredths of kW and energy in tenths of kWh, as rPDU2DeviceStatusTable has them.
        Assert.Equal((long)Math.Round(pdu.PowerW / 10), Int(await GetAsync(V2(BasePort), "1.3.6.1.4.1.318.1.1.26.4.3.1.5.1")));
        Assert.Equal((long)(pdu.EnergyJoules / 3.6e5), Int(await GetAsync(V2(BasePort), "1.3.6.1.4.1.318.1.1.26.4.3.1.9.1")));
        Assert.InRange(pdu.PowerW, 3900, 4400);
    }

    [Fact]
    public async Task Pdu_WalkOutletTable_NamesAndStatesAsPlugged()
    {
        var r = await _client.WalkAsync(V2(BasePort + 1), Oid.Parse("1.3.6.1.4.1.318.1.1.26.9.2.3.1.3"));
        Assert.True(r.Error is null, r.Error?.ToString());
        Assert.Equal(
            ["gpu-a01 PSU4", "gpu-a01 PSU5", "gpu-a01 PSU6", "tor-a01 PSU2", "spare", "spare", "Outlet 7", "Outlet 8"],
            r.Value!.Select(v => Encoding.UTF8.GetString(v.Value.AsBytes())));
        var states = await _client.WalkAsync(V2(BasePort + 1), Oid.Parse("1.3.6.1.4.1.318.1.1.26.9.2.3.1.5"));
        Assert.Equal([2L, 2, 2, 2, 2, 2, 1, 1], states.Value!.Select(v => Int(v.Value)));
    }

    [Fact]
    public async Task Ups_AnswersSnmpV3AuthPrivOnly()
    {
        var v3 = new SnmpTarget
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, BasePort + 4),
            Version = SnmpVersion.V3,
            User = new UsmCredentials("demo-ops", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "demo-auth-pass", PrivProtocol.Aes128, "demo-priv-pass"),
            Timeout = TimeSpan.FromMilliseconds(500),
            Retries = 1,
        };
        Assert.Equal(Oid.Parse("1.3.6.1.4.1.318.1.3.27"), (await GetAsync(v3, "1.3.6.1.2.1.1.2.0")).AsOid());
        Assert.Equal((long)Math.Round(_hall.Model.Ups.OutputPowerW), Int(await GetAsync(v3, "1.3.6.1.4.1.318.1.1.1.4.2.8.0")));
        Assert.Equal(2, Int(await GetAsync(v3, "1.3.6.1.4.1.318.1.1.1.4.1.1.0")));

        var wrongKey = v3 with { User = v3.User! with { AuthPassword = "not-the-password" } };
        var bad = await _client.GetAsync(wrongKey, [Oid.Parse("1.3.6.1.2.1.1.2.0")]);
        Assert.Equal(SnmpErrorKind.Auth, bad.Error?.Kind);

        var community = await _client.GetAsync(V2(BasePort + 4), [Oid.Parse("1.3.6.1.2.1.1.2.0")]);
        Assert.Equal(SnmpErrorKind.Timeout, community.Error?.Kind);
    }

    [Fact]
    public async Task InRowAndChiller_ReadingsFollowTheModelAndTheChillerTrips()
    {
        var c = _hall.Model.Cooling;
        Assert.Equal((long)Math.Round(c.SupplyAirC * 10), Int(await GetAsync(V2(BasePort + 5), "1.3.6.1.4.1.318.1.1.13.3.2.2.2.9.0")));
        Assert.Equal(220, Int(await GetAsync(V2(BasePort + 5), "1.3.6.1.4.1.318.1.1.13.3.2.1.2.2.0")));
        Assert.Equal(1, Int(await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.1.0")));
        Assert.Equal("Chilled Water Supply Temperature", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.1.2.1.2.1.1")).AsBytes().Utf8());
        Assert.Equal(120, Int(await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.1.2.1.3.1.1")));
        Assert.Equal("Running", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1.3.1.1")).AsBytes().Utf8());
        Assert.Equal("Unit Input Power", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.1.2.1.2.1.6")).AsBytes().Utf8());
        Assert.Equal((long)Math.Round(c.ChillerElectricalW / 100), Int(await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.1.2.1.3.1.6")));
        Assert.InRange(c.ChillerElectricalW, 2000, 6000); // two loaded racks' heat (~17 kW) at a COP of 4.5
        Assert.Equal("Compressor 1 High Pressure Alarm", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1.2.1.3")).AsBytes().Utf8());
        Assert.Equal("Inactive", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1.3.1.3")).AsBytes().Utf8());

        await _hall.AdvanceAsync(600, CancellationToken.None); // past the trip at 300 s

        Assert.Equal("Fault", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1.3.1.1")).AsBytes().Utf8());
        Assert.Equal("Active", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1.3.1.3")).AsBytes().Utf8());
        Assert.Equal("Inactive", (await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1.3.1.4")).AsBytes().Utf8());
        Assert.Equal(0, Int(await GetAsync(V2(BasePort + 6), "1.3.6.1.4.1.318.1.1.27.1.4.1.2.1.3.1.6")));
        Assert.True(Int(await GetAsync(V2(BasePort + 5), "1.3.6.1.4.1.318.1.1.13.3.2.2.2.9.0")) > 400, "supply air above 40 °C after the trip");
    }

    [Fact]
    public async Task Idrac_SystemPowerIsTheHostsAndSysDescrIsEmpty()
    {
        var host = _hall.Model.Hosts[0];
        Assert.Equal(string.Empty, (await GetAsync(V2(BasePort + 7), "1.3.6.1.2.1.1.1.0")).AsBytes().Utf8());
        Assert.Equal(Oid.Parse("1.3.6.1.4.1.674.10892.5"), (await GetAsync(V2(BasePort + 7), "1.3.6.1.2.1.1.2.0")).AsOid());
        Assert.Equal(26, Int(await GetAsync(V2(BasePort + 7), "1.3.6.1.4.1.674.10892.5.4.600.30.1.7.1.7")));
        Assert.Equal((long)Math.Round(host.PowerW), Int(await GetAsync(V2(BasePort + 7), "1.3.6.1.4.1.674.10892.5.4.600.30.1.6.1.7")));
        Assert.Equal("System Board Inlet Temp", (await GetAsync(V2(BasePort + 7), "1.3.6.1.4.1.674.10892.5.4.700.20.1.8.1.3")).AsBytes().Utf8());
    }

    [Fact]
    public async Task Start_PortTaken_FailsNamingDeviceAndPort()
    {
        await using var second = new DemoHall(new HallOptions { Racks = 1, SnmpBasePort = BasePort, MqttPort = BasePort + 12 });
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync(CancellationToken.None));
        Assert.Contains("cannot bind pdu-a01-a (ApcRackPdu) to udp 127.0.0.1:19200", e.Message);
    }
}

internal static class BytesText
{
    public static string Utf8(this byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
