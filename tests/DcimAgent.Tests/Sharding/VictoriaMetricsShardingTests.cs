using System.Net;
using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Sharding;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Agent;
using DcimAgent.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace DcimAgent.Tests.Sharding;

/// <summary>
/// Scale-out proved on a real engine: two agents share one config (agent.shard 0/2 and 1/2), poll 10 UPS targets
/// served by an in-process SNMP responder, and Debian's victoria-metrics scrapes both. In VictoriaMetrics every
/// configured device has exactly one dcim_device_up series, from the agent the rendezvous hash picked.
/// </summary>
[Trait("Category", "Integration")]
public class VictoriaMetricsShardingTests
{
    private static readonly string[] Devices = [.. Enumerable.Range(1, 10).Select(i => $"ups-{i:D2}")];

    /// <summary>A UPS-MIB (RFC 1628) agent: enough for the ups-mib profile to read a healthy UPS.</summary>
    private static SortedOidTable UpsMib() => new(
    [
        new(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.OctetString("Lab UPS")),
        new(Oid.Parse("1.3.6.1.2.1.1.2.0"), SnmpValue.ObjectId(Oid.Parse("1.3.6.1.2.1.33"))),
        new(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(123_456)),
        new(Oid.Parse("1.3.6.1.2.1.33.1.1.1.0"), SnmpValue.OctetString("Lab")),
        new(Oid.Parse("1.3.6.1.2.1.33.1.1.2.0"), SnmpValue.OctetString("UPS-3000")),
        new(Oid.Parse("1.3.6.1.2.1.33.1.2.4.0"), SnmpValue.Integer(95)),
        new(Oid.Parse("1.3.6.1.2.1.33.1.4.1.0"), SnmpValue.Integer(3)),
        new(Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.2.1"), SnmpValue.Integer(230)),
        new(Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.3.1"), SnmpValue.Integer(52)),
        new(Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.4.1"), SnmpValue.Integer(1200)),
        new(Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.5.1"), SnmpValue.Integer(40)),
    ]);

    private static AgentConfig Config(int index, int httpPort, int snmpPort, TempDir dir)
    {
        var targets = string.Join("\n", Devices.Select(d =>
            $"    - {{ name: {d}, address: \"127.0.0.1:{snmpPort}\", credentials: v2, profile: ups-mib, labels: {{ room: h1, rack: R{d[^2..]} }} }}"));
        var yaml = $$"""
            agent: { listen: "127.0.0.1:{{httpPort}}", site: dv, shard: { index: {{index}}, count: 2 } }
            snmp:
              defaults: { interval: 2s, timeout: 1s, retries: 1 }
              credentials:
                - { name: v2, version: 2c, community: public }
              targets:
            {{targets}}
            """;
        var result = ConfigLoader.Parse(yaml, $"shard{index}.yaml", _ => null, dir.Path);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        return result.Config;
    }

    [Fact]
    public async Task TwoShardedAgents_ScrapedByVictoriaMetrics_EachConfiguredDeviceUpExactlyOnce()
    {
        using var dir = new TempDir();
        await using var snmp = new SnmpAgent(UpsMib());
        var snmpPort = snmp.Start(new IPEndPoint(IPAddress.Loopback, 0)).Port;
        var ports = new[] { PortRange.FreeTcp(19400, 19424), PortRange.FreeTcp(19425, 19449) };
        var configs = new[] { Config(0, ports[0], snmpPort, dir), Config(1, ports[1], snmpPort, dir) };
        var owned = configs.Select(c => TargetSharding.Owned(c).Select(t => t.Name).ToHashSet(StringComparer.Ordinal)).ToArray();
        // The fixed hash puts ups-01, 02, 04, 06, 09 on shard 0 and the rest on shard 1: both agents have work.
        Assert.Equal(["ups-01", "ups-02", "ups-04", "ups-06", "ups-09"], owned[0].Order(StringComparer.Ordinal));
        Assert.Equal(5, owned[1].Count);

        var apps = new List<WebApplication>();
        try
        {
            foreach (var c in configs)
            {
                var app = AgentHost.Build(c, logOutput: TextWriter.Null);
                await app.StartAsync();
                apps.Add(app);
            }

            await using var vm = await VictoriaMetricsPeer.StartAsync(PortRange.FreeTcp(19450, 19499), ports.Select(p => $"127.0.0.1:{p}"));
            List<(Dictionary<string, string> Labels, double Value)> perDevice = [];
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
            while (DateTime.UtcNow < deadline)
            {
                perDevice = await vm.QueryAsync("dcim_device_up");
                if (perDevice.Count >= Devices.Length && perDevice.All(r => r.Value == 1))
                {
                    break;
                }

                await Task.Delay(500);
            }

            var count = Assert.Single(await vm.QueryAsync("count(dcim_device_up)"));
            Assert.Equal(10, count.Value);
            Assert.Equal(Devices, perDevice.Select(r => r.Labels["device"]).Order(StringComparer.Ordinal));
            Assert.All(perDevice, r => Assert.Equal(1, r.Value));
            foreach (var r in perDevice)
            {
                var shard = r.Labels["instance"] == $"127.0.0.1:{ports[0]}" ? 0 : 1;
                Assert.Contains(r.Labels["device"], owned[shard]);
                Assert.Equal("ups", r.Labels["device_class"]);
            }

            var byInstance = (await vm.QueryAsync("count by (instance) (dcim_device_up)"))
                .ToDictionary(r => r.Labels["instance"], r => r.Value, StringComparer.Ordinal);
            Assert.Equal(5, byInstance[$"127.0.0.1:{ports[0]}"]);
            Assert.Equal(5, byInstance[$"127.0.0.1:{ports[1]}"]);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }
}
