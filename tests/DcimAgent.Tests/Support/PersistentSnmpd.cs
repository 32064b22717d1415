using System.Diagnostics;
using System.Globalization;

namespace DcimAgent.Tests.Support;

/// <summary>
/// A real net-snmp snmpd that keeps its persistent state across restarts, like a device: snmpEngineBoots goes
/// up by one at every start and snmpEngineTime starts again from 0. The shared start script wipes that state on
/// every start (and its <c>-C</c> flag would skip it anyway), so this one borrows the config the script
/// generates (same users, communities and engine id) and runs snmpd itself with its own persistent folder.
/// Stopped with SIGTERM so snmpd writes its state; killed on dispose if still running.
/// </summary>
public sealed class PersistentSnmpd : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private Process? _process;

    private PersistentSnmpd(int port) => Port = port;

    public int Port { get; }

    private string ConfDir => Path.Combine(_dir.Path, "conf");

    private string PersistDir => Path.Combine(_dir.Path, "persist");

    public static async Task<PersistentSnmpd> StartAsync(int port)
    {
        var generated = await Snmpd.StartAsync(port);
        await generated.StopAsync();
        var snmpd = new PersistentSnmpd(port);
        Directory.CreateDirectory(snmpd.ConfDir);
        Directory.CreateDirectory(snmpd.PersistDir);
        File.Copy(generated.ConfigFile, Path.Combine(snmpd.ConfDir, "snmpd.conf"));
        await snmpd.StartAgainAsync();
        return snmpd;
    }

    /// <summary>Starts snmpd and waits until it answers a v2c GET.</summary>
    public async Task StartAgainAsync()
    {
        Assert.Null(_process);
        var psi = new ProcessStartInfo("/usr/sbin/snmpd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-f", "-m", string.Empty, "-LF", "0-5", Path.Combine(_dir.Path, "snmpd.log") })
        {
            psi.ArgumentList.Add(a);
        }

        // The persistent folder must be on the config path too, or snmpd writes engineBoots and never reads it back.
        psi.Environment["SNMPCONFPATH"] = ConfDir + ":" + PersistDir;
        psi.Environment["SNMP_PERSISTENT_DIR"] = PersistDir;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var r = await ProcessRunner.RunAsync("snmpget", ["-v2c", "-c", "public", "-r", "0", "-t", "1", "-m", string.Empty, $"127.0.0.1:{Port}", "1.3.6.1.6.3.10.2.1.2.0"], TimeSpan.FromSeconds(10));
            if (r.ExitCode == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until && !_process.HasExited, $"snmpd on {Port} did not answer within 30 s: {r.All} {Log()}");
            await Task.Delay(200);
        }
    }

    /// <summary>snmpEngineBoots as snmpd reports it now.</summary>
    public async Task<int> EngineBootsAsync()
    {
        var r = await ProcessRunner.RunAsync("snmpget", ["-v2c", "-c", "public", "-Oqv", "-m", string.Empty, $"127.0.0.1:{Port}", "1.3.6.1.6.3.10.2.1.2.0"], TimeSpan.FromSeconds(10));
        Assert.True(r.ExitCode == 0, r.All);
        return int.Parse(r.Stdout.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>SIGTERM (snmpd saves engineBoots), then wait for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cts.Token);
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _dir.Dispose();
    }

    private string Log()
    {
        var log = Path.Combine(_dir.Path, "snmpd.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }
}
