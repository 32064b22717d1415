using DcimAgent.Configuration;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DcimAgent.Hosting;

/// <summary>
/// Removes series not refreshed within <c>agent.stale_after</c> (device health families stay). Series are stamped
/// with the wall clock, so an NTP step would make every series look older (forward) or newer (back) at once; when
/// the wall clock moves differently from the monotonic clock between two sweeps, expiry pauses for one
/// <c>stale_after</c> of monotonic time, long enough for every live device to write again with post-step stamps.
/// </summary>
public sealed partial class StalenessSweeper : BackgroundService
{
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly AgentConfig _config;
    private readonly ILogger<StalenessSweeper> _log;
    private long _lastMono;
    private long _lastWallMs;
    private long _holdUntilMono = long.MinValue;
    private bool _swept;

    public StalenessSweeper(SeriesStore store, TimeProvider time, AgentConfig config, ILogger<StalenessSweeper> log)
    {
        _store = store;
        _time = time;
        _config = config;
        _log = log;
    }

    /// <summary>Wall and monotonic clocks may disagree by this much between sweeps before it counts as a step.</summary>
    public static TimeSpan StepTolerance { get; } = TimeSpan.FromSeconds(5);

    /// <summary>One sweep; callable from tests without the loop. Returns the series removed.</summary>
    public int SweepOnce()
    {
        var wallMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var mono = _time.GetTimestamp();
        if (_swept)
        {
            var stepMs = wallMs - _lastWallMs - (long)_time.GetElapsedTime(_lastMono, mono).TotalMilliseconds;
            if (Math.Abs(stepMs) > StepTolerance.TotalMilliseconds)
            {
                LogClockStep(stepMs / 1000.0, _config.Agent.StaleAfter.TotalSeconds);
                _holdUntilMono = mono + (long)(_config.Agent.StaleAfter.TotalSeconds * _time.TimestampFrequency);
            }
        }

        _swept = true;
        _lastWallMs = wallMs;
        _lastMono = mono;
        return mono < _holdUntilMono ? 0 : _store.ExpireStale(wallMs, (long)_config.Agent.StaleAfter.TotalMilliseconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(_config.Agent.StaleAfter.Ticks / 10, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(30).Ticks));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var removed = SweepOnce();
                if (removed > 0)
                {
                    LogExpired(removed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "The wall clock stepped by {StepSeconds:0.#} s: stale-series expiry paused for {HoldSeconds} s")]
    private partial void LogClockStep(double stepSeconds, double holdSeconds);

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Expired {Count} stale series")]
    private partial void LogExpired(int count);
}
