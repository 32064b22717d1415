using System.Diagnostics;
using System.Text.Json;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Dashboards;

/// <summary>
/// A real `prometheus` on 127.0.0.1 scraping one target every second and evaluating the given rule files every
/// second, in a temporary folder; killed (its own process tree only) at dispose.
/// </summary>
public sealed class PrometheusPeer : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    public PrometheusPeer(int port, string target, IEnumerable<string> ruleFiles)
    {
        Port = port;
        var rules = string.Join("\n", ruleFiles.Select(f => $"  - \"{f}\""));
        var config = _dir.File("prometheus.yml", $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
            {rules}
            scrape_configs:
              - job_name: dcim-agent
                static_configs:
                  - targets: ["{target}"]
            """);
        var psi = new ProcessStartInfo(PeerTools.Require("prometheus"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(_dir.Path, "data"),
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            psi.ArgumentList.Add(a);
        }

        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"prometheus exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                if ((await Http.GetAsync("/-/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"prometheus on {Port} not ready after {timeout}: {Log}");
    }

    /// <summary>An instant query: (error or null, number of series / 1 for a scalar).</summary>
    public async Task<(string? Error, int Results)> QueryAsync(string promql)
    {
        using var content = new FormUrlEncodedContent([new("query", promql)]);
        using var response = await Http.PostAsync("/api/v1/query", content);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            return (root.GetProperty("errorType").GetString() + ": " + root.GetProperty("error").GetString(), 0);
        }

        var data = root.GetProperty("data");
        return data.GetProperty("resultType").GetString() is "scalar" or "string"
            ? (null, 1)
            : (null, data.GetProperty("result").GetArrayLength());
    }

    /// <summary>Every loaded rule as (group, name, health, lastError).</summary>
    public async Task<IReadOnlyList<(string Group, string Name, string Health, string Error)>> RulesAsync()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/api/v1/rules"));
        return [.. doc.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray().Select(r => (
                g.GetProperty("name").GetString()!,
                r.GetProperty("name").GetString()!,
                r.GetProperty("health").GetString()!,
                r.TryGetProperty("lastError", out var e) ? e.GetString() ?? "" : "")))];
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
