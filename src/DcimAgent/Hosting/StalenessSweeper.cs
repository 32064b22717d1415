using DcimAgent.Configuration;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DcimAgent.Hosting;

/// <summary>Removes series not refreshed within <c>agent.stale_after</c> (device health families stay).</summary>
public sealed partial class StalenessSweeper : BackgroundService
{
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly AgentConfig _config;
    private readonly ILogger<StalenessSweeper> _log;

    public StalenessSweeper(SeriesStore store, TimeProvider time, AgentConfig config, ILogger<StalenessSweeper> log)
    {
        _store = store;
        _time = time;
        _config = config;
        _log = log;
    }

    /// <summary>One sweep; callable from tests without the loop.</summary>
    public int SweepOnce() =>
        _store.ExpireStale(_time.GetUtcNow().ToUnixTimeMilliseconds(), (long)_config.Agent.StaleAfter.TotalMilliseconds);

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

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Expired {Count} stale series")]
    private partial void LogExpired(int count);
}
