namespace DcimAgent.Tests.Support;

/// <summary>
/// A real mosquitto broker started with tests/peers/mosquitto-start.sh (anonymous listener on PORT, password
/// listener on PORT+1). Fails, never skips, when mosquitto is not installed.
/// </summary>
public sealed class Mosquitto : IAsyncDisposable
{
    public const string InstallHint = "mosquitto is missing: run tests/peers/install.sh (apt-get install mosquitto mosquitto-clients)";

    private Mosquitto(int port) => Port = port;

    public int Port { get; }

    public int AuthPort => Port + 1;

    public static async Task<Mosquitto> StartAsync(int port, string? extraConf = null)
    {
        Assert.True(File.Exists("/usr/sbin/mosquitto") || File.Exists("/usr/bin/mosquitto"), InstallHint);
        Assert.True(File.Exists("/usr/bin/mosquitto_pub"), InstallHint);
        var broker = new Mosquitto(port);
        await broker.StopAsync();
        await broker.RunScriptAsync("mosquitto-start.sh", extraConf);
        return broker;
    }

    public Task StartAgainAsync(string? extraConf = null) => RunScriptAsync("mosquitto-start.sh", extraConf);

    public async Task StopAsync()
    {
        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript("mosquitto-stop.sh"), [Port.ToString()], TimeSpan.FromSeconds(30));
        Assert.True(r.ExitCode == 0, "mosquitto-stop.sh: " + r.All);
    }

    /// <summary>Publishes a file's bytes unchanged with the real mosquitto_pub.</summary>
    public async Task PublishFileAsync(string topic, string file, int qos = 1)
    {
        var r = await ProcessRunner.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", Port.ToString(), "-q", qos.ToString(), "-t", topic, "-f", file], TimeSpan.FromSeconds(15));
        Assert.True(r.ExitCode == 0, "mosquitto_pub: " + r.All);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunScriptAsync(string script, string? extraConf)
    {
        var env = new Dictionary<string, string>();
        if (extraConf is not null)
        {
            env["MOSQUITTO_EXTRA_CONF"] = extraConf;
        }

        var r = await ProcessRunner.RunAsync(RepoPaths.PeerScript(script), [Port.ToString()], TimeSpan.FromSeconds(60), env);
        Assert.True(r.ExitCode == 0, $"{script} {Port}: {r.All}");
    }
}
