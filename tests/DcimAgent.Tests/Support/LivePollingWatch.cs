using System.Diagnostics;
using System.Globalization;

namespace DcimAgent.Tests.Support;

/// <summary>
/// Watches one SNMP target of a running agent process through its own /metrics while something else (a flood)
/// loads the agent: each scrape records the device's health families, the agent's poll counters and how long
/// the scrape took. Flood tests assert on the window between <see cref="MarkStart"/> and <see cref="MarkEnd"/>.
/// </summary>
public sealed class LivePollingWatch(AgentProcess agent, string device)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Scrape> _scrapes = [];
    private Scrape? _start;
    private Scrape? _end;

    /// <summary>One scrape: when (s since the watch began), how long it took, and the values read.</summary>
    public sealed record Scrape(double At, double Took, double Up, double PollsOk, double PollsFailed, double Duration,
        double LatenessCount, double LatenessOver1s);

    public IReadOnlyList<Scrape> During => [.. _scrapes.Where(s => _start is not null && s.At > _start.At && (_end is null || s.At <= _end.At))];

    public Scrape Start => _start ?? throw new InvalidOperationException("MarkStart was not called");

    public Scrape End => _end ?? throw new InvalidOperationException("MarkEnd was not called");

    public double WindowSeconds => End.At - Start.At;

    /// <summary>Polls that succeeded inside the window.</summary>
    public double PollsOk => End.PollsOk - Start.PollsOk;

    /// <summary>Polls that failed (any reason) inside the window.</summary>
    public double PollsFailed => End.PollsFailed - Start.PollsFailed;

    /// <summary>Polls inside the window that started more than 1 s after their slot (from the lateness histogram).</summary>
    public double LatePolls => End.LatenessOver1s - Start.LatenessOver1s;

    /// <summary>Waits until the device has been up for <paramref name="polls"/> successful polls.</summary>
    public async Task WaitUpAsync(int polls, double seconds = 30)
    {
        var deadline = _clock.Elapsed.TotalSeconds + seconds;
        while (true)
        {
            var s = await ScrapeAsync();
            if (s.Up == 1 && s.PollsOk >= polls)
            {
                return;
            }

            Assert.True(_clock.Elapsed.TotalSeconds < deadline, $"{device} not up after {seconds} s (up {s.Up}, ok polls {s.PollsOk}):\n{Tail()}");
            await Task.Delay(250);
        }
    }

    public async Task MarkStart() => _start = await ScrapeAsync();

    public async Task MarkEnd() => _end = await ScrapeAsync();

    /// <summary>Scrapes once a second until <paramref name="until"/> completes.</summary>
    public async Task WatchUntilAsync(Task until)
    {
        while (!until.IsCompleted)
        {
            var next = _clock.Elapsed.TotalSeconds + 1;
            await ScrapeAsync();
            var wait = next - _clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                await Task.WhenAny(until, Task.Delay(TimeSpan.FromSeconds(wait)));
            }
        }
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"polling of {device} over {WindowSeconds:F1} s: ok {PollsOk}, failed {PollsFailed}, started > 1 s late {LatePolls}; " +
        $"scrapes {During.Count}, device_up min {(During.Count == 0 ? double.NaN : During.Min(s => s.Up))}, " +
        $"poll duration max {(During.Count == 0 ? 0 : During.Max(s => s.Duration)) * 1000:F1} ms, slowest scrape {(During.Count == 0 ? 0 : During.Max(s => s.Took)) * 1000:F0} ms");

    private async Task<Scrape> ScrapeAsync()
    {
        var at = _clock.Elapsed.TotalSeconds;
        var text = await agent.MetricsAsync();
        var took = _clock.Elapsed.TotalSeconds - at;
        var key = $"{{device=\"{device}\",";
        double Device(string family) => Line(text, family + key);
        var polls = AgentProcess.Series(text, "dcim_agent_snmp_polls_total");
        var ok = polls.Where(p => p.Labels.Contains("result=\"ok\"", StringComparison.Ordinal)).Sum(p => p.Value);
        var failed = polls.Where(p => !p.Labels.Contains("result=\"ok\"", StringComparison.Ordinal)).Sum(p => p.Value);
        var count = AgentProcess.Sample(text, "dcim_agent_snmp_schedule_lateness_seconds_count");
        var within1s = AgentProcess.Sample(text, "dcim_agent_snmp_schedule_lateness_seconds_bucket{le=\"1\"}");
        var s = new Scrape(at, took, Device("dcim_device_up"), ok, failed, Device("dcim_poll_duration_seconds"), count, count - within1s);
        _scrapes.Add(s);
        return s;
    }

    /// <summary>The value of the first sample line starting with <paramref name="prefix"/> (NaN when absent).</summary>
    private static double Line(string text, string prefix)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }

    private string Tail()
    {
        var o = agent.Output;
        return o[^Math.Min(4000, o.Length)..];
    }
}
