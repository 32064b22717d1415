using DcimAgent.Configuration;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Configuration;

public class ConfigLoaderTests
{
    private const string Valid = """
        agent:    { listen: "127.0.0.1:9464", site: dalian-ai-1, state_dir: /var/lib/dcim-agent, stale_after: 5m, log_format: text }
        snmp:
          defaults:    { interval: 30s, timeout: 2s, retries: 2, max_repetitions: 25 }
          credentials: [ { name: lab-v2, version: 2c, community: public },
                         { name: ops-v3, version: 3, username: ops, security_level: authPriv, auth_protocol: SHA-256,
                           auth_password: "${DCIM_SNMP_AUTH}", priv_protocol: AES, priv_password_file: PRIVFILE } ]
          targets:     [ { name: pdu-a01-a, address: "10.1.0.11:161", credentials: lab-v2, profile: auto, interval: 30s,
                           labels: { room: hall-1, row: A, rack: A01, feed: A } } ]
          traps:       { listen: "0.0.0.0:162", communities: [public], users: [ops-v3] }
        mqtt:
          brokers:       [ { name: bms, url: "mqtt://127.0.0.1:1883", client_id: dcim-agent-1, protocol: 5, session: persistent } ]
          subscriptions: [ { name: boards, broker: bms, topic: "dcim/{site}/{device}/accelerators", qos: 1, format: dcim-json, expect_every: 30s } ]
        facility:
          pue_category: 2
          meters: { facility: [mains-1], it: ["pdu-*"], cooling: ["chiller-*"] }
          racks:  [ { rack: A01, tenant: ai-lab } ]
        """;

    private static ConfigLoadResult Parse(string yaml, TempDir dir, Dictionary<string, string>? env = null)
    {
        var priv = dir.File("priv", "priv-secret-9z\n");
        env ??= new() { ["DCIM_SNMP_AUTH"] = "auth-secret-7q" };
        return ConfigLoader.Parse(yaml.Replace("PRIVFILE", priv, StringComparison.Ordinal), "dcim.yaml", n => env.GetValueOrDefault(n), dir.Path);
    }

    [Fact]
    public void Parse_ContractExample_IsValidAndBound()
    {
        using var dir = new TempDir();
        var r = Parse(Valid, dir);
        Assert.Empty(r.Errors);
        var c = r.Config;
        Assert.Equal("dalian-ai-1", c.Agent.Site);
        Assert.Equal(TimeSpan.FromMinutes(5), c.Agent.StaleAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), c.Snmp.Defaults.Timeout);
        Assert.Equal(25, c.Snmp.Defaults.MaxRepetitions);
        Assert.Equal("auth-secret-7q", c.Snmp.Credentials[1].AuthPassword);
        Assert.Equal("priv-secret-9z", c.Snmp.Credentials[1].PrivPassword);
        Assert.Equal("A01", c.Snmp.Targets[0].Labels["rack"]);
        Assert.Equal(["ops-v3"], c.Snmp.Traps!.Users);
        Assert.Equal("persistent", c.Mqtt.Brokers[0].Session);
        Assert.Equal(TimeSpan.FromSeconds(30), c.Mqtt.Subscriptions[0].ExpectEvery);
        Assert.Equal(["pdu-*"], c.Facility.Meters["it"]);
        Assert.Equal("ai-lab", c.Facility.Racks[0].Tenant);
    }

    [Fact]
    public void Parse_YamlSyntaxError_NamesFileLineAndColumn()
    {
        using var dir = new TempDir();
        var r = Parse("agent:\n  listen: \"127.0.0.1:9464\"\n  site: [dc1\nsnmp: {}\n", dir);
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("dcim.yaml:3", e.Location);
        Assert.Contains("YAML syntax error", e.Message);
    }

    /// <summary>Found by the config fuzz target (run 4): YamlDotNet's node builder threw ArgumentException.</summary>
    [Theory]
    [InlineData("a:\n  : b\n")]
    [InlineData("agent:\n  listen: \"127.0.0.1:9464\"\n  : x\nsnmp: {}\n")]
    public void Parse_MappingEntryWithoutKey_IsASyntaxErrorNotACrash(string yaml)
    {
        using var dir = new TempDir();
        var r = Parse(yaml, dir);
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("dcim.yaml:", e.Location);
        Assert.Contains("YAML syntax error", e.Message);
    }

    [Fact]
    public void Parse_UnknownKey_NamesPathLineAndSuggestion()
    {
        using var dir = new TempDir();
        var r = Parse(Valid.Replace("stale_after: 5m", "stale_afterr: 5m", StringComparison.Ordinal), dir);
        var e = Assert.Single(r.Errors);
        Assert.Equal("dcim.yaml:1: agent.stale_afterr", e.Location);
        Assert.Equal("unknown key 'stale_afterr' (did you mean 'stale_after'?)", e.Message);
    }

    [Fact]
    public void Parse_BadDuration_NamesPath()
    {
        using var dir = new TempDir();
        var r = Parse(Valid.Replace("interval: 30s, timeout: 2s", "interval: 30s, timeout: 2 seconds", StringComparison.Ordinal), dir);
        var e = Assert.Single(r.Errors);
        Assert.Equal("dcim.yaml:3: snmp.defaults.timeout", e.Location);
        Assert.Contains("'2 seconds' is not a duration", e.Message);
    }

    [Fact]
    public void Parse_UnknownCredentialsReference_NamesTargetPath()
    {
        using var dir = new TempDir();
        var r = Parse(Valid.Replace("credentials: lab-v2, profile", "credentials: lab-v3, profile", StringComparison.Ordinal), dir);
        var e = Assert.Single(r.Errors);
        Assert.Equal("dcim.yaml:7: snmp.targets[0].credentials", e.Location);
        Assert.Equal("unknown credentials 'lab-v3' (defined: lab-v2, ops-v3)", e.Message);
    }

    [Fact]
    public void Parse_DuplicateTargetName_NamesSecondTarget()
    {
        using var dir = new TempDir();
        var yaml = Valid.Replace(
            "labels: { room: hall-1, row: A, rack: A01, feed: A } } ]",
            "labels: { room: hall-1, row: A, rack: A01, feed: A } },\n                 { name: pdu-a01-a, address: \"10.1.0.12\", credentials: lab-v2 } ]",
            StringComparison.Ordinal);
        var r = Parse(yaml, dir);
        var e = Assert.Single(r.Errors);
        Assert.Equal("dcim.yaml:9: snmp.targets[1].name", e.Location);
        Assert.Equal("duplicate device name 'pdu-a01-a' (first defined at snmp.targets[0])", e.Message);
    }

    [Fact]
    public void Parse_V3PrivWithoutAuth_IsRefused()
    {
        using var dir = new TempDir();
        var r = Parse(Valid.Replace("security_level: authPriv, auth_protocol: SHA-256,", "security_level: authPriv,", StringComparison.Ordinal), dir);
        Assert.Contains(r.Errors, e => e.Location.EndsWith("snmp.credentials[1].auth_protocol", StringComparison.Ordinal)
            && e.Message.Contains("authPriv needs an auth_protocol", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingSecretFileAndEnv_NamedWithoutSecret()
    {
        using var dir = new TempDir();
        var r = ConfigLoader.Parse(Valid.Replace("PRIVFILE", "/nonexistent/priv", StringComparison.Ordinal), "dcim.yaml", _ => null, dir.Path);
        Assert.Contains(r.Errors, e => e.Location == "dcim.yaml:6: snmp.credentials[1].auth_password" && e.Message == "environment variable DCIM_SNMP_AUTH is not set");
        Assert.Contains(r.Errors, e => e.Location.EndsWith("snmp.credentials[1].priv_password_file", StringComparison.Ordinal)
            && e.Message == "cannot read secret file '/nonexistent/priv': no such file");
        Assert.Equal(2, r.Errors.Count);
    }

    [Fact]
    public void Parse_BadSecretType_DoesNotEchoTheSecret()
    {
        using var dir = new TempDir();
        var r = Parse(Valid.Replace("community: public", "community: [hunter2-secret]", StringComparison.Ordinal), dir);
        Assert.NotEmpty(r.Errors);
        Assert.DoesNotContain(r.Errors, e => e.ToString().Contains("hunter2-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EnvDefault_IsUsedWhenUnset()
    {
        using var dir = new TempDir();
        var r = ConfigLoader.Parse("agent: { site: \"${SITE:-dc-default}\" }\n", "x.yaml", _ => null, dir.Path);
        Assert.Empty(r.Errors);
        Assert.Equal("dc-default", r.Config.Agent.Site);
    }

    [Fact]
    public void Parse_EmptyFile_GivesDefaults()
    {
        using var dir = new TempDir();
        var r = ConfigLoader.Parse(string.Empty, "x.yaml", _ => null, dir.Path);
        Assert.Empty(r.Errors);
        Assert.Equal("127.0.0.1:9464", r.Config.Agent.Listen);
        Assert.Equal(TimeSpan.FromMinutes(5), r.Config.Agent.StaleAfter);
    }

    [Fact]
    public void Parse_ManyProblems_AllReportedAtOnce()
    {
        using var dir = new TempDir();
        var yaml = """
            agent: { listen: "nohost:", log_format: xml, shard: { index: 3, count: 2 } }
            snmp:
              credentials: [ { name: a, version: 4 } ]
              targets: [ { name: "bad name", address: "", credentials: a, labels: { building: b1 } } ]
            mqtt:
              brokers: [ { name: b, url: "http://x", protocol: 7, session: sticky } ]
              subscriptions: [ { name: s, broker: nope, topic: "a/#/b", qos: 3, format: xml } ]
            facility: { pue_category: 4, meters: { lighting: [x] } }
            """;
        var r = ConfigLoader.Parse(yaml, "x.yaml", _ => null, dir.Path);
        var paths = r.Errors.Select(e => e.Location[(e.Location.LastIndexOf(' ') + 1)..]).ToHashSet();
        string[] expected =
        [
            "agent.listen", "agent.log_format", "agent.shard", "snmp.credentials[0].version", "snmp.targets[0].name",
            "snmp.targets[0].address", "snmp.targets[0].labels.building", "mqtt.brokers[0].url", "mqtt.brokers[0].protocol",
            "mqtt.brokers[0].session", "mqtt.subscriptions[0].broker", "mqtt.subscriptions[0].topic", "mqtt.subscriptions[0].qos",
            "mqtt.subscriptions[0].format", "facility.pue_category", "facility.meters.lighting",
        ];
        foreach (var p in expected)
        {
            Assert.Contains(p, paths);
        }
    }

    [Fact]
    public void Print_MasksEverySecret()
    {
        using var dir = new TempDir();
        var r = Parse(Valid, dir);
        var text = ConfigPrinter.Print(r.Config);
        Assert.DoesNotContain("auth-secret-7q", text, StringComparison.Ordinal);
        Assert.DoesNotContain("priv-secret-9z", text, StringComparison.Ordinal);
        Assert.DoesNotContain("public", text, StringComparison.Ordinal);
        Assert.Contains("auth_password: ****", text, StringComparison.Ordinal);
        Assert.Contains("name: \"pdu-a01-a\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    [InlineData("/proc/self/status")]
    public void Parse_SecretFileNotRegular_IsRefusedWithoutReading(string path)
    {
        using var dir = new TempDir();
        var r = ConfigLoader.Parse($"snmp:\n  credentials: [ {{ name: a, version: 2c, community_file: {path} }} ]\n", "x.yaml", _ => null, dir.Path);
        var e = Assert.Single(r.Errors);
        Assert.Equal("x.yaml:2: snmp.credentials[0].community_file", e.Location);
        Assert.Contains("is empty, not a regular file, or larger than 64 KiB", e.Message);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("1.5s", 1.5)]
    public void Durations_Parse(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out var t));
        Assert.Equal(seconds, t.TotalSeconds);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("-5s")]
    [InlineData("s")]
    [InlineData("")]
    public void Durations_ParseBad_False(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData("10.1.0.11:161", "10.1.0.11", 161)]
    [InlineData("pdu-a01", "pdu-a01", 161)]
    [InlineData("udp:127.0.0.1:16161", "127.0.0.1", 16161)]
    [InlineData("[::1]:1161", "::1", 1161)]
    public void HostPort_Parse(string text, string host, int port)
    {
        Assert.True(HostPort.TryParse(text, 161, out var hp));
        Assert.Equal(host, hp.Host);
        Assert.Equal(port, hp.Port);
    }
}
