namespace DcimAgent.Tests.Support;

/// <summary>
/// A real net-snmp snmpd on 127.0.0.1:PORT started and stopped with tests/peers/snmpd-*.sh (v2c community
/// <c>public</c>, the SNMPv3 users listed in the script). Fails, never skips, when snmpd is not installed.
/// </summary>
public sealed class Snmpd : IAsyncDisposable
{
    public const string InstallHint = "net-snmp snmpd is missing: run tests/peers/install.sh (apt-get install snmpd snmp)";

    private Snmpd(int port) => Port = port;

    public int Port { get; }

    /// <summary>The config file the start script generated (users, communities, engine id).</summary>
    public string ConfigFile => Path.Combine(Environment.GetEnvironmentVariable("PEERS_STATE_DIR") ?? Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") ?? "/tmp", "dcim-peers"), $"snmpd-{Port}", "snmpd.conf");

    public static void RequireInstalled()
    {
        Assert.True(File.Exists("/usr/sbin/snmpd"), InstallHint);
        Assert.True(File.Exists("/usr/bin/snmpget"), InstallHint);
    }

    public static async Task<Snmpd> StartAsync(int port)
    {
        RequireInstalled();
        var snmpd = new Snmpd(port);
        await snmpd.StopAsync();
        await snmpd.RunScriptAsync("snmpd-start.sh");
        return snmpd;
    }

    public Task StopAsync() => RunScriptAsync("snmpd-stop.sh");

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunScriptAsync(string script)
    {
        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript(script), [Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(60));
        Assert.True(r.ExitCode == 0, $"{script} {Port}: {r.All}");
    }
}
