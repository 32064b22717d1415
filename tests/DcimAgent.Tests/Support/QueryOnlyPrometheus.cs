using System.Diagnostics;
using System.Net.Sockets;

namespace DcimAgent.Tests.Support;

/// <summary>
/// A real <c>prometheus</c> serving a TSDB folder on 127.0.0.1 (a port in 19050-19099), for queries only:
/// no scrape jobs. Killed by its own process handle at dispose.
/// </summary>
public sealed class QueryOnlyPrometheus : IAsyncDisposable
{
    public const string InstallHint = "install the real peers with: tests/peers/install.sh (Debian packages prometheus, promtool)";

    private readonly Process _process;

    private QueryOnlyPrometheus(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    /// <summary>The path of a tool on PATH, or a failed assertion naming the install command.</summary>
    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            var p = Path.Combine(dir, tool);
            if (File.Exists(p))
            {
                return p;
            }
        }

        Assert.Fail($"{tool} is not installed; {InstallHint}");
        return string.Empty;
    }

    public static async Task<QueryOnlyPrometheus> StartAsync(string dataDir, string workDir)
    {
        var exe = Require("prometheus");
        var config = Path.Combine(workDir, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1m\n");
        var port = FreeTcpInRange(19050, 19099);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--config.file=" + config, "--storage.tsdb.path=" + dataDir, "--storage.tsdb.retention.time=100y",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var peer = new QueryOnlyPrometheus(process, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var r = await http.GetAsync(new Uri(peer.Url, "-/ready"));
                if (r.IsSuccessStatusCode)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await peer.DisposeAsync();
        lock (log)
        {
            Assert.Fail($"prometheus on port {port} did not become ready: {log}");
        }

        return peer;
    }

    private static int FreeTcpInRange(int first, int last)
    {
        for (var port = first + Random.Shared.Next(last - first); ; port = port == last ? first : port + 1)
        {
            try
            {
                using var l = new TcpListener(System.Net.IPAddress.Loopback, port);
                l.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
