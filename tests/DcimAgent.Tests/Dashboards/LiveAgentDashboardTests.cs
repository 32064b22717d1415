using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Model.Tests.Support;
using DcimAgent.Tests.Rules;
using DcimAgent.Tests.Simulation;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Dashboards;

/// <summary>
/// The dashboards against real data: a real Prometheus scrapes a running agent that polls all 22 shared
/// recordings served by snmpsimd (SNMP) plus the demo hall (its SNMP devices, and accelerator hosts and meters
/// over MQTT into the agent's subscriptions), with the shipped rules loaded. Every dashboard query must parse and
/// return data. Two things are brought forward so that panels fed by incidents and alerts have data within the
/// test's two minutes: the demo's chiller trips 5 s in (shipped: 3 min), raising its compressor alarm, and the
/// rules are loaded with every <c>for:</c> divided by <see cref="ForScale"/> (as <see cref="DemoAlertsTests"/>
/// does), so alerts that are pending reach firing. Nothing else in the rules or the hall changes.
/// </summary>
[Trait("Category", "Integration")]
[Collection("demo-agent")]
public class LiveAgentDashboardTests(ITestOutputHelper output)
{
    private const int SnmpsimPort = 19160;

    /// <summary>
    /// Rules' <c>for:</c> divided by this: CoolingUnitFault's 1 m becomes 3 s, CoolingUnitAlarm's 2 m 6 s.
    /// </summary>
    private const double ForScale = 20;

    [Fact]
    public async Task EveryDashboardQuery_AgainstAgentFedBySnmpsimAndMqtt_ParsesAndReturnsData()
    {
        var start = await Tool("snmpsim-start.sh", RepoPaths.Fixture("snmprec"), SnmpsimPort.ToString(CultureInfo.InvariantCulture));
        Assert.True(start.Rc == 0, "snmpsimd missing or failed? run tests/peers/install.sh: " + start.Output);
        using var dir = new TempDir();
        try
        {
            var port = PortRange.FreeTcp(19161, 19199);

            // The demo hall as shipped, moved to this test's ports, plus one target per shared recording.
            var demo = File.ReadAllText(RepoPaths.RepoFile("config", "demo.yaml"))
                .Replace("127.0.0.1:9464", $"127.0.0.1:{port}", StringComparison.Ordinal)
                .Replace("127.0.0.1:116", "127.0.0.1:191", StringComparison.Ordinal)
                .Replace("snmp_base_port: 11600", "snmp_base_port: 19100", StringComparison.Ordinal)
                .Replace("mqtt_port: 11683", "mqtt_port: 19183", StringComparison.Ordinal)
                .Replace("/tmp/dcim-agent-demo", dir.Path, StringComparison.Ordinal)
                .Replace("incident_after: 3m", "incident_after: 5s", StringComparison.Ordinal);
            Assert.Contains("incident_after: 5s", demo, StringComparison.Ordinal);
            var rules = RuleFiles.RuleFilePaths
                .Select(f => dir.File("rules-" + Path.GetFileName(f), DemoAlertsTests.ScaleFor(File.ReadAllText(f), ForScale)))
                .ToList();
            var loaded = ConfigLoader.Parse(demo, "demo.yaml", Environment.GetEnvironmentVariable, RepoPaths.RepoFile("config"));
            Assert.Empty(loaded.Errors);
            var config = loaded.Config;
            foreach (var file in Directory.GetFiles(RepoPaths.Fixture("snmprec"), "*.snmprec").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                config.Snmp.Credentials.Add(new SnmpCredential { Name = "rec-" + name, Version = "2c", Community = name });
                config.Snmp.Targets.Add(new SnmpTargetConfig
                {
                    Name = "rec-" + name,
                    Address = $"127.0.0.1:{SnmpsimPort}",
                    Credentials = "rec-" + name,
                    Timeout = TimeSpan.FromSeconds(5),
                    Labels = new() { ["room"] = "lab", ["row"] = "R", ["rack"] = "R" + (name.Length % 4), ["feed"] = name.Length % 2 == 0 ? "A" : "B" },
                });
            }

            await using var app = AgentHost.Build(config, logOutput: TextWriter.Null);
            await app.StartAsync();
            try
            {
                using var prometheus = new PrometheusPeer(PortRange.FreeTcp(19161, 19199), $"127.0.0.1:{port}", rules);
                await prometheus.WaitReadyAsync(TimeSpan.FromSeconds(30));
                var sw = Stopwatch.StartNew();
                string[] failures = [];
                List<string> empty = [];
                List<string> counts = [];
                var queries = DashboardQueries.All(RepoPaths.Root);
                while (sw.Elapsed < TimeSpan.FromSeconds(120))
                {
                    var list = new List<string>();
                    empty = [];
                    counts = [];
                    foreach (var q in queries)
                    {
                        var promql = DashboardQueries.Runnable(q);
                        var (error, results) = await prometheus.QueryAsync(promql);
                        var where = $"{q.Dashboard} {q.Where}";
                        counts.Add($"{where}: {(error is null ? results.ToString(CultureInfo.InvariantCulture) + " series" : "error")}");
                        if (error is not null)
                        {
                            list.Add($"{where}: {error}\n    {promql}");
                        }
                        else if (results == 0)
                        {
                            empty.Add(where);
                            list.Add($"{where}: no data\n    {promql}");
                        }
                    }

                    failures = [.. list];
                    if (failures.Length == 0)
                    {
                        break;
                    }

                    await Task.Delay(5000);
                }

                output.WriteLine(string.Join("\n", counts));
                output.WriteLine("firing: " + await FiringAsync(prometheus));
                output.WriteLine($"{queries.Count} queries, {failures.Length} failed, {empty.Count} empty, after {sw.Elapsed.TotalSeconds:F0} s of polling");
                Assert.True(failures.Length == 0, $"{failures.Length} of {queries.Count} queries failed against the live agent:\n" + string.Join("\n", failures));
                Assert.Empty(empty);
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            await Tool("snmpsim-stop.sh", SnmpsimPort.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>alertname/device of every firing alert, for the test log.</summary>
    private static async Task<string> FiringAsync(PrometheusPeer prometheus)
    {
        using var doc = JsonDocument.Parse(await prometheus.Http.GetStringAsync("/api/v1/alerts"));
        return string.Join(", ", doc.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("state").GetString() == "firing")
            .Select(a => a.GetProperty("labels"))
            .Select(l => l.GetProperty("alertname").GetString() + "/" + (l.TryGetProperty("device", out var d) ? d.GetString() : "-"))
            .Order(StringComparer.Ordinal));
    }

    private static async Task<(int Rc, string Output)> Tool(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.PeerScript(script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output);
    }
}
