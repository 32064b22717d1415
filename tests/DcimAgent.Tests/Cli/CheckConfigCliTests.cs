using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Cli;

/// <summary>The check-config and run verbs as a user runs them: the built program, its exit code and output.</summary>
public class CheckConfigCliTests
{
    [Fact]
    public async Task CheckConfig_ShippedExample_ExitsZeroWithSummary()
    {
        var r = await ProcessRunner.AgentAsync(["check-config", "--config", RepoPaths.RepoFile("config", "dcim-agent.yaml")]);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("config ok: ", r.Stdout);
        Assert.Contains("site dalian-ai-1, 2 SNMP targets", r.Stdout);
        Assert.Single(r.Stdout.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("agent:\n  site: [dc1\nsnmp: {}\n", "bad.yaml:2", "YAML syntax error")]
    [InlineData("agent:\n  sight: dc1\n", "bad.yaml:2: agent.sight", "unknown key 'sight'")]
    [InlineData("agent:\n  stale_after: five minutes\n", "bad.yaml:2: agent.stale_after", "is not a duration")]
    [InlineData("snmp:\n  credentials: [ { name: a, community: c } ]\n  targets:\n    - { name: t, address: 127.0.0.1, credentials: b }\n", "bad.yaml:4: snmp.targets[0].credentials", "unknown credentials 'b'")]
    [InlineData("snmp:\n  credentials: [ { name: a, community: c } ]\n  targets:\n    - { name: t, address: 127.0.0.1, credentials: a }\n    - { name: t, address: 127.0.0.2, credentials: a }\n", "bad.yaml:5: snmp.targets[1].name", "duplicate device name 't'")]
    public async Task CheckConfig_BrokenConfig_ExitsTwoNamingLocation(string yaml, string location, string message)
    {
        using var dir = new TempDir();
        dir.File("bad.yaml", yaml);
        var r = await ProcessRunner.RunAsync("dotnet", [RepoPaths.AgentDll, "check-config", "--config", "bad.yaml"], workingDir: dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {location}", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Equal(string.Empty, r.Stdout);

        // run refuses the same config with the same messages, without starting anything.
        var run = await ProcessRunner.RunAsync("dotnet", [RepoPaths.AgentDll, "run", "--config", "bad.yaml"], workingDir: dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(r.Stderr, run.Stderr);
    }

    [Fact]
    public async Task CheckConfig_WithSecrets_NoSecretInAnyOutput()
    {
        using var dir = new TempDir();
        var privFile = dir.File("priv", "Priv-Secret-4411\n");
        var commFile = dir.File("community", "Comm-Secret-2299");
        var cfg = dir.File("cfg.yaml", $$"""
            agent: { listen: "127.0.0.1:1", site: s }
            snmp:
              credentials:
                - { name: v2, version: 2c, community_file: {{commFile}} }
                - { name: v3, version: 3, username: ops, security_level: authPriv, auth_protocol: SHA-256,
                    auth_password: "${TEST_AUTH_SECRET}", priv_protocol: AES, priv_password_file: {{privFile}} }
              targets:
                - { name: t1, address: "127.0.0.1:1", credentials: v3, labels: { rack: A1 } }
            mqtt:
              brokers: [ { name: b, url: "mqtt://127.0.0.1:1", username: u, password: "${TEST_MQTT_SECRET}" } ]
            """);
        var env = new Dictionary<string, string> { ["TEST_AUTH_SECRET"] = "Auth-Secret-8812", ["TEST_MQTT_SECRET"] = "Mqtt-Secret-5521" };
        string[] secrets = ["Priv-Secret-4411", "Comm-Secret-2299", "Auth-Secret-8812", "Mqtt-Secret-5521"];

        var ok = await ProcessRunner.AgentAsync(["check-config", "--config", cfg, "--print"], env);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("auth_password: ****", ok.Stdout);
        Assert.Contains("password: ****", ok.Stdout);

        // The same config with a type error next to each secret: errors must not echo them either.
        var bad = dir.File("bad.yaml", File.ReadAllText(cfg).Replace("username: u,", "username: u, keepalive: forever,", StringComparison.Ordinal)
            .Replace("name: t1,", "name: t1, retries: lots,", StringComparison.Ordinal));
        var err = await ProcessRunner.AgentAsync(["check-config", "--config", bad], env);
        Assert.Equal(2, err.ExitCode);

        foreach (var s in secrets)
        {
            Assert.DoesNotContain(s, ok.All, StringComparison.Ordinal);
            Assert.DoesNotContain(s, err.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_EveryVerb_ExitsZeroWithUsage()
    {
        foreach (var verb in new[] { "run", "check-config", "version" })
        {
            var r = await ProcessRunner.AgentAsync([verb, "--help"]);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains($"usage: dcim-agent", r.Stdout);
        }

        var top = await ProcessRunner.AgentAsync(["--help"]);
        Assert.Contains("check-config", top.Stdout);
    }

    [Fact]
    public async Task UnknownVerbOrOption_ExitsTwo()
    {
        Assert.Equal(2, (await ProcessRunner.AgentAsync(["frobnicate"])).ExitCode);
        var r = await ProcessRunner.AgentAsync(["check-config", "--confgi", "x"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option --confgi", r.Stderr);
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var r = await ProcessRunner.AgentAsync(["version"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^dcim-agent \d+\.\d+\.\d+", r.Stdout);
    }
}
