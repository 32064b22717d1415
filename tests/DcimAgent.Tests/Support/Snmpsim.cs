namespace DcimAgent.Tests.Support;

/// <summary>
/// A real snmpsimd started with tests/peers/snmpsim-start.sh: each DATA_DIR/X.snmprec answers v1/v2c
/// community X. Fails, never skips, when snmpsim is not installed; stopped by its PID file on dispose.
/// </summary>
public sealed class Snmpsim : IAsyncDisposable
{
    public const string InstallHint = "snmpsimd is missing: run tests/peers/install.sh (apt-get install snmpsim)";

    private Snmpsim(int port) => Port = port;

    public int Port { get; }

    public static async Task<Snmpsim> StartAsync(string dataDir, int port)
    {
        Assert.True(File.Exists("/usr/bin/snmpsimd") || File.Exists("/usr/bin/snmpsim-command-responder"), InstallHint);
        var sim = new Snmpsim(port);
        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript("snmpsim-start.sh"), [dataDir, port.ToString()], TimeSpan.FromSeconds(90));
        Assert.True(r.ExitCode == 0, $"snmpsim-start.sh {port} ({InstallHint}): {r.All}");
        return sim;
    }

    public async ValueTask DisposeAsync()
    {
        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript("snmpsim-stop.sh"), [Port.ToString()], TimeSpan.FromSeconds(30));
        Assert.True(r.ExitCode == 0, "snmpsim-stop.sh: " + r.All);
    }
}
