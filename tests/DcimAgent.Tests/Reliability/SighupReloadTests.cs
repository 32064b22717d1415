using System.Diagnostics;
using System.Globalization;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Config reload on SIGHUP with the agent as its own process polling a real snmpd. An invalid file is rejected
/// with exactly the problems <c>check-config</c> prints for it while the old targets keep being polled; a valid one
/// then applies — the new target starts, the removed one's series go — and the unchanged target's series are in
/// every scrape taken across the reload (its loop is not restarted, nothing is dropped).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SighupReloadTests(ITestOutputHelper output)
{
    private const int SnmpdPort = 19611;
    private const int HttpPort = 19612;

    private static string Config(string stateDir, string targets) => $$"""
        agent: { listen: "127.0.0.1:{{HttpPort}}", site: lab, state_dir: {{stateDir}} }
        snmp:
          defaults: { interval: 1s, timeout: 500ms, retries: 0 }
          profile_paths: [{{RepoPaths.RepoFile("tests", "DcimAgent.Tests", "Reliability", "Profiles")}}]
          credentials: [{ name: v2, version: 2c, community: public }]
          targets:
        {{targets}}
        """;

    private static string Target(string name, string credentials = "v2") =>
        $"    - {{ name: {name}, address: \"127.0.0.1:{SnmpdPort}\", credentials: {credentials}, profile: fault-net-snmp-if }}\n";

    [Fact]
    public async Task Sighup_InvalidRejectedLikeCheckConfigOldKeepsPolling_ValidAppliesWithoutDroppingUnchanged()
    {
        await using var snmpd = await Snmpd.StartAsync(SnmpdPort);
        using var dir = new TempDir();
        var path = dir.File("agent.yaml", Config(dir.Path, Target("pdu-keep") + Target("pdu-drop")));
        using var agent = await AgentProcess.StartAsync(path, HttpPort);
        await agent.WaitForMetricsAsync(m => Up(m, "pdu-keep") && Up(m, "pdu-drop"), "both targets up");
        var keepSeries = SeriesOf(await agent.MetricsAsync(), "pdu-keep");

        // Invalid: an unknown credential and a negative timeout. The agent must say what check-config says.
        File.WriteAllText(path, Config(dir.Path, Target("pdu-keep") + Target("pdu-bad", "missing")).Replace("timeout: 500ms", "timeout: -1s", StringComparison.Ordinal));
        var check = await ProcessRunner.AgentAsync(["check-config", "--config", path]);
        var problems = check.Stderr.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => l["error: ".Length..].TrimEnd('\r')).ToList();
        Assert.Equal(2, check.ExitCode);
        Assert.True(problems.Count >= 2, check.All);
        var polls = Value(await agent.MetricsAsync(), "dcim_agent_snmp_polls_total{result=\"ok\"}");
        await Signal(agent.Pid, "-HUP");
        var rejected = await agent.WaitForMetricsAsync(m => m.Contains("dcim_agent_config_last_reload_successful 0", StringComparison.Ordinal), "reload rejected");

        // The gauge is set as the reload is rejected, the log lines are written just after it and stdout is read
        // asynchronously: wait for the last of them before looking for each.
        await agent.WaitForOutputAsync($"rejected ({problems.Count} problems)");
        foreach (var p in problems)
        {
            Assert.Contains("config problem: " + p, agent.Output, StringComparison.Ordinal);
        }

        Assert.Contains($"rejected ({problems.Count} problems); the running config stays in force", agent.Output, StringComparison.Ordinal);
        // The old config is still the one running: both old targets polled, ok, at the old pace.
        var still = await agent.WaitForMetricsAsync(m => Value(m, "dcim_agent_snmp_polls_total{result=\"ok\"}") >= polls + 6, "old targets still polled");
        Assert.True(Up(still, "pdu-keep") && Up(still, "pdu-drop"));
        Assert.DoesNotContain("pdu-bad", still, StringComparison.Ordinal);

        // Valid: keep one, drop one, add one. Scrape continuously across the reload.
        File.WriteAllText(path, Config(dir.Path, Target("pdu-keep") + Target("pdu-new")));
        await Signal(agent.Pid, "-HUP");
        var scrapes = 0;
        var sw = Stopwatch.StartNew();
        string last;
        do
        {
            last = await agent.MetricsAsync();
            scrapes++;
            Assert.Equal(keepSeries, SeriesOf(last, "pdu-keep"));
            Assert.True(Up(last, "pdu-keep"), "pdu-keep not up in a scrape during the reload");
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), "the valid reload did not apply within 30 s\n" + agent.Output);
        }
        while (!(Up(last, "pdu-new") && !last.Contains("device=\"pdu-drop\"", StringComparison.Ordinal)
                 && last.Contains("dcim_agent_config_last_reload_successful 1", StringComparison.Ordinal)));

        output.WriteLine($"check-config problems: {string.Join(" | ", problems)}");
        output.WriteLine($"{scrapes} scrapes across the valid reload ({sw.Elapsed.TotalSeconds:0.0} s), pdu-keep's {keepSeries.Length} series in every one");
        await agent.WaitForOutputAsync("Config reloaded from");
        Assert.False(agent.HasExited);
    }

    private static bool Up(string exposition, string device) =>
        exposition.Split('\n').Any(l => l.StartsWith("dcim_device_up{", StringComparison.Ordinal) && l.Contains($"device=\"{device}\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));

    /// <summary>The device's series: name and labels, values left out, sorted.</summary>
    private static string[] SeriesOf(string exposition, string device) =>
        [.. exposition.Split('\n')
            .Where(l => !l.StartsWith('#') && l.Contains($"device=\"{device}\"", StringComparison.Ordinal))
            .Select(l => l[..(l.LastIndexOf('}') + 1)])
            .Order(StringComparer.Ordinal)];

    private static double Value(string exposition, string series) => AgentProcess.Sample(exposition, series);

    private static async Task Signal(int pid, string signal)
    {
        using var k = Process.Start("kill", [signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await k!.WaitForExitAsync();
    }
}
