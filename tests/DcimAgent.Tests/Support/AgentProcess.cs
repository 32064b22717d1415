using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DcimAgent.Tests.Support;

/// <summary>
/// <c>dcim-agent run</c> as its own process, so memory is the agent's alone (peak RSS = VmHWM) and a crash is a
/// crash. Output is drained into a buffer (a full pipe would stall the agent); killed by its own id on dispose.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string? _basicAuth;

    private AgentProcess(Process process, int httpPort, string? basicAuth)
    {
        _process = process;
        HttpPort = httpPort;
        _basicAuth = basicAuth;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the agent with <paramref name="configPath"/> and waits until /metrics answers.</summary>
    public static Task<AgentProcess> StartAsync(string configPath, int httpPort, IReadOnlyDictionary<string, string>? env = null) =>
        StartAsync(["run", "--config", configPath], httpPort, env);

    /// <summary>
    /// Starts <c>dcim-agent ARGS</c> (run, node) and waits until /metrics answers, with HTTP basic auth
    /// <paramref name="basicAuth"/> ("user:password") when the endpoints require it.
    /// </summary>
    public static async Task<AgentProcess> StartAsync(string[] args, int httpPort, IReadOnlyDictionary<string, string>? env = null, string? basicAuth = null)
    {
        // setsid: the agent gets its own session, hence its own scheduler autogroup (Linux autogroups by session),
        // as a daemon under systemd would. Otherwise it shares one CPU share with the test process and a flood
        // sender in the test starves the agent it is measuring (and the other way round). setsid execs in place,
        // so the PID is the agent's.
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "dotnet", RepoPaths.AgentDll }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var agent = new AgentProcess(Process.Start(psi)!, httpPort, basicAuth);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !agent.HasExited)
        {
            try
            {
                await agent.MetricsAsync();
                return agent;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        var output = agent.Output;
        agent.Dispose();
        throw new InvalidOperationException($"the agent did not serve /metrics on {httpPort} within 30 s:\n{output}");
    }

    public Task<string> MetricsAsync() => GetAsync("/metrics");

    /// <summary>
    /// Scrapes /metrics until <paramref name="condition"/> holds and returns that scrape; fails the test, with the
    /// last scrape and the agent's output, after <paramref name="seconds"/> or once the agent has exited.
    /// </summary>
    public async Task<string> WaitForMetricsAsync(Func<string, bool> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string text;
        while (!condition(text = await MetricsAsync()))
        {
            Assert.True(DateTime.UtcNow < deadline && !HasExited, $"not within {seconds} s: {what}\n{text}\n{Output}");
            await Task.Delay(200);
        }

        return text;
    }

    /// <summary>
    /// Waits until the agent's output holds <paramref name="text"/>: output is read asynchronously, so a log line
    /// written just after a metric changed may still be on its way when the scrape shows the change.
    /// </summary>
    public async Task WaitForOutputAsync(string text, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{text}' not in the agent's output within {seconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>GETs one endpoint (with the basic-auth credentials given at start) and returns the body.</summary>
    public async Task<string> GetAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        if (_basicAuth is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_basicAuth)));
        }

        return await http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}{path}"));
    }

    /// <summary>Stops the agent as systemd would (SIGTERM) and waits for it to exit; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        var r = await ProcessRunner.RunAsync("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(r.ExitCode == 0, "kill -TERM: " + r.All);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Peak resident set size so far (VmHWM of /proc/PID/status), in bytes.</summary>
    public long PeakRssBytes() => StatusKb("VmHWM:") * 1024;

    /// <summary>Current resident set size (VmRSS), in bytes.</summary>
    public long RssBytes() => StatusKb("VmRSS:") * 1024;

    /// <summary>The value of one sample line of the exposition (0 when absent).</summary>
    public static double Sample(string exposition, string seriesPrefix)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(seriesPrefix + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(seriesPrefix.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>Sum over every series of one family (lines starting with the name and a brace).</summary>
    public static double Sum(string exposition, string family) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith(family + "{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture));

    /// <summary>Every series of one family: its label block (between the braces) and its value.</summary>
    public static IReadOnlyList<(string Labels, double Value)> Series(string exposition, string family) =>
        [.. exposition.Split('\n')
            .Where(l => l.StartsWith(family + "{", StringComparison.Ordinal))
            .Select(l => (l[(family.Length + 1)..l.LastIndexOf('}')], double.Parse(l[(l.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture)))];

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private long StatusKb(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no {key} in /proc/{_process.Id}/status");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the head and the last part: a flood logs a line per notification.
            if (_output.Length > 1_000_000)
            {
                _output.Remove(200_000, _output.Length - 600_000);
            }

            _output.AppendLine(line);
        }
    }
}
