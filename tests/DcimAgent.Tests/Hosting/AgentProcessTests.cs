using System.Diagnostics;
using System.Net;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Hosting;

/// <summary>The daemon as a process: endpoints up, and SIGTERM ends it cleanly within 5 s.</summary>
public class AgentProcessTests
{
    [Fact]
    public async Task Run_ServesEndpoints_AndSigtermExitsZeroWithin5s()
    {
        using var dir = new TempDir();
        var port = FreePort.Tcp();
        var cfg = dir.File("agent.yaml", $"agent: {{ listen: \"127.0.0.1:{port}\", site: test-site, state_dir: {dir.Path} }}\n");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { RepoPaths.AgentDll, "run", "--config", cfg })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        p.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await WaitForAsync(http, "/readyz", TimeSpan.FromSeconds(20));
            Assert.True(ready, "agent did not become ready: " + output);

            var health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());

            var metrics = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType!.ToString());
            var text = await metrics.Content.ReadAsStringAsync();
            Assert.Contains("dcim_agent_build_info{version=", text);
            Assert.Contains("dcim_agent_config_last_reload_successful 1", text);
            Assert.Contains("process_cpu_seconds_total", text);

            var om = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            om.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
            var omResponse = await http.SendAsync(om);
            Assert.StartsWith("application/openmetrics-text", omResponse.Content.Headers.ContentType!.ToString());
            Assert.EndsWith("# EOF\n", await omResponse.Content.ReadAsStringAsync());
        }
        finally
        {
            var sw = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            var exited = p.WaitForExit(TimeSpan.FromSeconds(5));
            sw.Stop();
            if (!exited)
            {
                p.Kill(entireProcessTree: true);
            }

            Assert.True(exited, $"agent still running {sw.Elapsed} after SIGTERM");
            Assert.Equal(0, p.ExitCode);
        }
    }

    private static async Task<bool> WaitForAsync(HttpClient http, string path, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            try
            {
                var r = await http.GetAsync(path);
                if (r.StatusCode == HttpStatusCode.OK)
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
