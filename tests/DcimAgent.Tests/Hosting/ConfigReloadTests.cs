using System.Diagnostics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Hosting;

/// <summary>SIGHUP re-reads the config: a bad file is rejected with check-config's messages, the old config keeps running.</summary>
public class ConfigReloadTests
{
    [Fact]
    public async Task Sighup_InvalidThenValid_RejectsThenApplies()
    {
        using var dir = new TempDir();
        var port = FreePort.Tcp();
        var good = $"agent: {{ listen: \"127.0.0.1:{port}\", site: s1, state_dir: {dir.Path} }}\n";
        var cfg = dir.File("agent.yaml", good);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { RepoPaths.AgentDll, "run", "--config", cfg })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        p.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            Assert.True(await WaitAsync(async () => (await http.GetAsync("/readyz")).IsSuccessStatusCode), log.ToString());

            File.WriteAllText(cfg, good + "snmp:\n  targets:\n    - { name: t, address: 127.0.0.1, credentials: missing }\n");
            await Signal(p.Id, "-HUP");
            Assert.True(await WaitAsync(async () => (await http.GetStringAsync("/metrics")).Contains("dcim_agent_config_last_reload_successful 0", StringComparison.Ordinal)), log.ToString());
            lock (log)
            {
                Assert.Contains("snmp.targets[0].credentials: unknown credentials 'missing'", log.ToString());
            }

            Assert.False(p.HasExited);
            File.WriteAllText(cfg, good.Replace("site: s1", "site: s2", StringComparison.Ordinal));
            await Signal(p.Id, "-HUP");
            Assert.True(await WaitAsync(async () => (await http.GetStringAsync("/metrics")).Contains("dcim_agent_config_last_reload_successful 1", StringComparison.Ordinal)), log.ToString());

            // The gauge is set just before the log line is written, and stdout is read asynchronously: wait for it.
            Assert.True(await WaitAsync(() => { lock (log) { return Task.FromResult(log.ToString().Contains("Config reloaded from", StringComparison.Ordinal)); } }), log.ToString());
        }
        finally
        {
            await Signal(p.Id, "-TERM");
            if (!p.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                p.Kill(true);
            }
        }

        Assert.Equal(0, p.ExitCode);
    }

    private static async Task Signal(int pid, string signal)
    {
        using var k = Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await k!.WaitForExitAsync();
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }
}
