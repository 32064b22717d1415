using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Traps;

/// <summary>The agent's trap receiver against real net-snmp snmptrap: every kind counted, informs acknowledged.</summary>
[Trait("Category", "Integration")]
public class TrapServiceTests
{
    [Fact]
    public async Task Agent_ReceivesEveryKindFromSnmptrap_CountsByTrapAndLogsVarbinds()
    {
        if (!File.Exists("/usr/bin/snmptrap"))
        {
            Assert.Fail("snmptrap is missing: run tests/peers/install.sh");
        }

        using var dir = new TempDir();
        var httpPort = FreePort.Tcp();
        var trapPort = FreePort.Udp();
        var yaml = $$"""
            agent: { listen: "127.0.0.1:{{httpPort}}", site: lab }
            snmp:
              credentials:
                - { name: trap-v3, version: 3, username: peers-sha-aes, security_level: authPriv, auth_protocol: SHA,
                    auth_password: peers-sha-pass, priv_protocol: AES, priv_password: peers-aes-pass }
              traps: { listen: "127.0.0.1:{{trapPort}}", communities: [public], users: [trap-v3] }
            """;
        var cfg = ConfigLoader.Parse(yaml, "t.yaml", _ => null, dir.Path);
        Assert.Empty(cfg.Errors);
        var log = new StringWriter();
        await using var app = AgentHost.Build(cfg.Config, logOutput: TextWriter.Synchronized(log));
        await app.StartAsync();
        try
        {
            await Task.Delay(300);
            var send = await ProcessRunner.RunAsync(RepoPaths.PeerScript("snmptrap-send.sh"), [trapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "all"]);
            Assert.True(send.ExitCode == 0, "snmptrap-send failed (informs must be acknowledged): " + send.All);

            // A wrong community is dropped and counted, not accepted.
            var bad = await ProcessRunner.RunAsync("snmptrap", ["-v", "2c", "-c", "not-allowed", $"127.0.0.1:{trapPort}", string.Empty, "1.3.6.1.6.3.1.1.5.1"]);
            Assert.Equal(0, bad.ExitCode);

            using var http = new HttpClient();
            string text = string.Empty;
            for (var i = 0; i < 40; i++)
            {
                text = await http.GetStringAsync($"http://127.0.0.1:{httpPort}/metrics");
                if (text.Contains("dcim_agent_traps_dropped_total{reason=\"unknown_community_or_user\"} 1", StringComparison.Ordinal))
                {
                    break;
                }

                await Task.Delay(100);
            }

            const string dev = "device=\"127.0.0.1\",device_class=\"sensor_hub\",site=\"lab\"";
            Assert.Contains($"dcim_snmp_traps_received_total{{{dev},trap=\"linkDown\"}} 1\n", text);
            Assert.Contains($"dcim_snmp_traps_received_total{{{dev},trap=\"netSnmpExampleHeartbeatNotification\"}} 4\n", text);
            Assert.DoesNotContain("coldStart", text);
            Assert.Contains("dcim_agent_traps_dropped_total{reason=\"unknown_community_or_user\"} 1", text);

            var logged = log.ToString();
            Assert.Contains(".1.3.6.1.2.1.2.2.1.2.3 = STRING: \"eth2\"", logged);
            Assert.Contains(".1.3.6.1.4.1.8072.2.3.2.2 = STRING: \"pdu-a1\"", logged);
            Assert.Contains("SNMP inform netSnmpExampleHeartbeatNotification", logged);
            Assert.Contains("user peers-sha-aes", logged);
            Assert.DoesNotContain("peers-aes-pass", logged);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
