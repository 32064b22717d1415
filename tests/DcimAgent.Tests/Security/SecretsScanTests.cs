using System.Globalization;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;
using static DcimAgent.Tests.Support.SecretsLab;

namespace DcimAgent.Tests.Security;

/// <summary>
/// Every secret the config can hold, given through env and *_file, goes through every CLI verb and its error
/// paths and through a running agent (Debug logging) that uses them against real peers: snmpd (v3 authPriv),
/// snmpsimd (v2c community), mosquitto (password), traps (community and v3 user), basic auth on the endpoints.
/// Not one secret, in any encoding, may appear in anything the processes printed or served.
/// </summary>
[Trait("Category", "Integration")]
public class SecretsScanTests(ITestOutputHelper output)
{
    private static readonly string[] V3 = ["-v", "3", "-u", "peers-sha256-aes", "-l", "authPriv", "-a", "SHA-256", "-A", AuthPassword, "-x", "AES", "-X", PrivPassword];
    private static readonly string[] V3Wrong = ["-v", "3", "-u", "peers-sha256-aes", "-l", "authPriv", "-a", "SHA-256", "-A", WrongPassword, "-x", "AES", "-X", PrivPassword, "-r", "0", "-t", "1"];
    private static readonly string[] V2 = ["-v", "2c", "-c", Community];
    private static readonly string SnmpdAt = $"127.0.0.1:{SnmpdPort}";
    private static readonly string SnmpsimAt = $"127.0.0.1:{SnmpsimPort}";

    [Fact]
    public async Task EveryVerbErrorPathAndRunningAgent_SecretsFromEnvAndFiles_NeverInAnyOutput()
    {
        using var dir = new TempDir();
        var lab = new SecretsLab(dir);
        var scan = new SecretScanner(lab.Secrets);
        await using var snmpd = await LabSnmpd.StartAsync(SnmpdPort);
        await using var snmpsim = await Snmpsim.StartAsync(lab.SnmpsimData, SnmpsimPort);
        await using var broker = await Mosquitto.StartAsync(MosquittoPort);
        var tasmota = RepoPaths.Fixture("mqtt", "tasmota_sonoff-pow-r2_tele-SENSOR.json");
        var nvml = RepoPaths.Fixture("accelerators", "nvidia-h100", "nvml-series.jsonl");

        // Each command and the exit code it must give (0 ok, 1 device/server failure, 2 bad input or config).
        (int Rc, string[] Args)[] commands =
        [
            (0, ["--help"]), (0, ["--version"]), (0, ["version"]),
            (0, ["run", "--help"]), (0, ["check-config", "--help"]), (0, ["snmp", "--help"]), (0, ["probe", "--help"]),
            (0, ["profiles", "--help"]), (0, ["node", "--help"]), (0, ["energy-report", "--help"]), (0, ["version", "--help"]),
            (0, ["check-config", "--config", lab.Config]),
            (0, ["check-config", "--config", lab.Config, "--print"]),
            (0, ["check-config", "--config", lab.NodeConfig, "--print"]),
            (2, ["check-config", "--config", lab.BadSyntax, "--print"]),
            (2, ["check-config", "--config", lab.BadValues]),
            (2, ["check-config", "--config", lab.BadValues, "--print"]),
            (2, ["run", "--config", lab.BadValues]),
            (2, ["node", "--config", lab.BadSyntax]),
            (0, ["snmp", "get", .. V2, SnmpsimAt, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0"]),
            (0, ["snmp", "walk", .. V2, SnmpsimAt, "1.3.6.1.2.1.1"]),
            (0, ["snmp", "bulkwalk", .. V3, SnmpdAt, "1.3.6.1.2.1.1"]),
            (0, ["snmp", "getnext", .. V3, SnmpdAt, "1.3.6.1.2.1.1.5"]),
            (1, ["snmp", "get", .. V3Wrong, SnmpdAt, "1.3.6.1.2.1.1.5.0"]),
            (1, ["snmp", "get", "-v", "2c", "-c", WrongCommunity, "-r", "0", "-t", "1", SnmpsimAt, "1.3.6.1.2.1.1.5.0"]),
            (1, ["snmp", "get", "-v", "2c", "-c", DeadCommunity, "-r", "0", "-t", "1", $"127.0.0.1:{DeadPort}", "1.3.6.1.2.1.1.5.0"]),
            (2, ["snmp", "get", "-v", "2c", "-c", WrongCommunity]),
            (1, ["snmp", "get", "-v", "3", "-u", "x", "-l", "authPriv", "-a", "SHA", "-A", ShortPassword, "-x", "AES", "-X", ShortPassword, SnmpdAt, "1.3.6.1.2.1.1.5.0"]),
            (0, ["probe", "--target", SnmpsimAt, .. V2]),
            (0, ["probe", "--target", SnmpdAt, .. V3, "--profiles", lab.Profile, "--profile", "lab-net-snmp"]),
            (1, ["probe", "--target", SnmpdAt, .. V3Wrong, "--profiles", lab.Profile, "--profile", "lab-net-snmp"]),
            (1, ["probe", "--target", $"127.0.0.1:{DeadPort}", "-v", "2c", "-c", DeadCommunity, "-r", "0", "-t", "1"]),
            (0, ["probe", "--input", tasmota, "--format", "tasmota", "--topic", "tele/pow/SENSOR", "--device", "pow"]),
            (0, ["probe", "--input", nvml, "--format", "nvml-jsonl", "--device", "gpu-lab-1"]),
            (0, ["profiles", "list", "-V"]),
            (0, ["profiles", "match", SnmpsimAt, .. V2]),
            (1, ["profiles", "match", SnmpdAt, .. V3Wrong]),
            (1, ["energy-report", "--prometheus", $"http://admin:{PrometheusPassword}@127.0.0.1:{DeadPrometheusPort}", "--from", "2025-01-01T00:00:00Z", "--to", "2025-01-02T00:00:00Z", "--timeout", "2"]),
            (0, ["node", "--once", "--collector", "replay", "--path", nvml, "--device", "gpu-lab-1"]),
        ];

        var verbs = new HashSet<string>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(commands.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                var r = await ProcessRunner.AgentAsync(c.Args, lab.Env, TimeSpan.FromSeconds(90));
                var name = string.Join(' ', c.Args.Take(2));
                lock (scan)
                {
                    verbs.Add(c.Args[0] == "snmp" || c.Args[0] == "profiles" ? $"{c.Args[0]} {c.Args[1]}" : c.Args[0]);
                    outputs[string.Join(' ', c.Args)] = r.All;
                    scan.Add($"`{name} ...` stdout", r.Stdout);
                    scan.Add($"`{name} ...` stderr", r.Stderr);
                    if (r.ExitCode != c.Rc)
                    {
                        failures.Add($"dcim-agent {string.Join(' ', c.Args)}: exit {r.ExitCode}, expected {c.Rc}\n{r.All}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // The commands did their work (a secret can only leak from a path that ran): masked config, real answers,
        // the errors naming the key paths.
        Assert.Contains("auth_password: ****", outputs[$"check-config --config {lab.Config} --print"], StringComparison.Ordinal);
        Assert.Contains(".1.3.6.1.2.1.1.5.0 = STRING: \"peers-snmpd-19570\"", outputs[$"snmp getnext {string.Join(' ', V3)} {SnmpdAt} 1.3.6.1.2.1.1.5"], StringComparison.Ordinal);
        Assert.Contains("wrongDigests", outputs[$"snmp get {string.Join(' ', V3Wrong)} {SnmpdAt} 1.3.6.1.2.1.1.5.0"], StringComparison.Ordinal);
        var bad = outputs[$"check-config --config {lab.BadValues}"];
        foreach (var path in new[] { "snmp.credentials[0].community_file", "snmp.credentials[1].community", "snmp.credentials[2].auth_password", "snmp.credentials[3].auth_password_file", "snmp.credentials[4].communty", "snmp.credentials[5].community" })
        {
            Assert.Contains(path, bad, StringComparison.Ordinal);
        }

        await RunAgentAsync(lab, scan);
        await RunNodeAsync(lab, scan);
        verbs.Add("run (daemon)");
        verbs.Add("node (daemon)");

        var findings = scan.Findings();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{commands.Length} commands + 2 daemons ({verbs.Count} verbs: {string.Join(", ", verbs.Order(StringComparer.Ordinal))}); {scan.Sources} outputs, {scan.BytesScanned} bytes scanned for {lab.Secrets.Count} secrets in {SecretScanner.Forms("x-example-secret").Count()} forms each; {findings.Count} found"));
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    /// <summary>The daemon: polls all four targets, takes traps and an MQTT message, serves the endpoints behind basic auth.</summary>
    private static async Task RunAgentAsync(SecretsLab lab, SecretScanner scan)
    {
        using var agent = await AgentProcess.StartAsync(["run", "--config", lab.Config], HttpPort, lab.Env, $"prometheus:{WebPassword}");
        var unauthorized = await ProcessRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", $"http://127.0.0.1:{HttpPort}/metrics"]);
        Assert.Equal("401", unauthorized.Stdout.Trim());

        // First every target polled (so the secrets were really used, and logged about at Debug). Traps wait for
        // it: a trap from a target's address counts under that device, and a device whose profile is resolved
        // later starts its series afresh.
        var text = await agent.WaitForMetricsAsync(t =>
            Up(t, "lab-snmpd") == "1" && Up(t, "sim-ups") == "1" && Up(t, "demo-ups") == "1" && Up(t, "dead") == "0", "every target polled", seconds: 40);

        string[][] traps =
        [
            ["-v", "2c", "-c", TrapCommunity],
            ["-v", "2c", "-c", WrongCommunity],
            ["-v", "3", "-e", "0x80001f8880c0ffee01", "-u", "peers-sha256-aes", "-l", "authPriv", "-a", "SHA-256", "-A", AuthPassword, "-x", "AES", "-X", PrivPassword],
            ["-v", "3", "-e", "0x80001f8880c0ffee01", "-u", "peers-sha256-aes", "-l", "authPriv", "-a", "SHA-256", "-A", WrongPassword, "-x", "AES", "-X", PrivPassword],
        ];
        foreach (var t in traps)
        {
            var r = await ProcessRunner.RunAsync("snmptrap", [.. t, $"127.0.0.1:{TrapPort}", "", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.7", "i", "7"]);
            Assert.True(r.ExitCode == 0, "snmptrap: " + r.All);
        }

        var pub = await ProcessRunner.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", (MosquittoPort + 1).ToString(CultureInfo.InvariantCulture), "-u", "peers", "-P", MqttPassword, "-q", "1", "-t", "lab/room-probe/inlet", "-m", "21.5"]);
        Assert.True(pub.ExitCode == 0, "mosquitto_pub: " + pub.All);

        // The receiver took the configured community and user and counted the wrong ones; the broker's password worked.
        text = await agent.WaitForMetricsAsync(t =>
            AgentProcess.Sum(t, "dcim_snmp_traps_received_total") == 2
            && AgentProcess.Sample(t, "dcim_agent_traps_dropped_total{reason=\"unknown_community_or_user\"}") == 1
            && AgentProcess.Sample(t, "dcim_agent_traps_dropped_total{reason=\"auth_failure\"}") == 1
            && t.Contains("dcim_sensor_temperature_celsius{device=\"room-probe\",device_class=\"sensor_hub\",site=\"lab\",sensor=\"inlet\"} 21.5", StringComparison.Ordinal),
            "2 traps received, 1 unknown community, 1 auth failure, the MQTT reading stored", seconds: 40);
        scan.Add("run: /metrics", text);
        scan.Add("run: /healthz", await agent.GetAsync("/healthz"));
        scan.Add("run: /readyz", await agent.GetAsync("/readyz"));
        Assert.Equal(0, await agent.StopAsync());
        Assert.True(agent.Output.Length < 1_000_000, "the agent's output was trimmed: the scan would miss a part");
        Assert.Contains("[DBG]", agent.Output, StringComparison.Ordinal);
        scan.Add("run: stdout+stderr (Debug)", agent.Output);
    }

    /// <summary>Node mode replaying a capture, publishing to the password listener and serving /metrics.</summary>
    private static async Task RunNodeAsync(SecretsLab lab, SecretScanner scan)
    {
        using var node = await AgentProcess.StartAsync(["node", "--config", lab.NodeConfig], NodePort, lab.Env);
        var sub = await ProcessRunner.RunAsync("mosquitto_sub", ["-h", "127.0.0.1", "-p", (MosquittoPort + 1).ToString(CultureInfo.InvariantCulture), "-u", "peers", "-P", MqttPassword, "-t", "dcim/lab/gpu-lab-1/accelerators", "-C", "1", "-W", "20"], TimeSpan.FromSeconds(30));
        Assert.True(sub.ExitCode == 0, "no dcim-json document from node mode: " + sub.All + node.Output);
        Assert.Contains("\"schema\":\"dcim-json/1\"", sub.Stdout, StringComparison.Ordinal);
        scan.Add("node: /metrics", await node.MetricsAsync());
        Assert.Equal(0, await node.StopAsync());
        scan.Add("node: stdout+stderr (Debug)", node.Output);
    }

    private static string Up(string text, string device)
    {
        var prefix = $"dcim_device_up{{device=\"{device}\",";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? "absent" : line[(line.LastIndexOf(' ') + 1)..];
    }
}
