using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Sharding;

/// <summary>
/// Debian's single-node <c>victoria-metrics</c> on 127.0.0.1, scraping the given targets every second with its
/// built-in Prometheus-compatible scraper, storage in a temp folder. Queries go through its Prometheus API.
/// </summary>
internal sealed class VictoriaMetricsPeer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/victoria-metrics";
    private readonly Process _process;
    private readonly TempDir _dir;
    private readonly HttpClient _http;

    private VictoriaMetricsPeer(Process process, TempDir dir, int port)
    {
        _process = process;
        _dir = dir;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public static async Task<VictoriaMetricsPeer> StartAsync(int port, IEnumerable<string> scrapeTargets)
    {
        if (!File.Exists(Binary))
        {
            throw new Xunit.Sdk.XunitException($"{Binary} is missing: run tests/peers/install.sh");
        }

        var dir = new TempDir();
        var targets = string.Join(", ", scrapeTargets.Select(t => $"'{t}'"));
        var config = dir.File("scrape.yml", $$"""
            global: { scrape_interval: 1s, scrape_timeout: 1s }
            scrape_configs:
              - job_name: dcim
                static_configs: [{ targets: [{{targets}}] }]
            """);
        var psi = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     $"-httpListenAddr=127.0.0.1:{port}", $"-storageDataPath={Path.Combine(dir.Path, "data")}",
                     $"-promscrape.config={config}", "-search.latencyOffset=0s", "-search.disableCache", "-loggerLevel=ERROR",
                 })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new VictoriaMetricsPeer(process, dir, port);
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"victoria-metrics exited with {process.ExitCode} (port {port} taken?)");
            }

            try
            {
                if ((await peer._http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await peer.DisposeAsync();
        throw new Xunit.Sdk.XunitException("victoria-metrics did not answer /health within 10 s");
    }

    /// <summary>An instant query; each result as (labels, value).</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        var json = await _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var doc = JsonDocument.Parse(json);
        var list = new List<(Dictionary<string, string>, double)>();
        foreach (var r in doc.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
            var value = double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            list.Add((labels, value));
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
