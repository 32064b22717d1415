using DcimAgent.Configuration;
using DcimAgent.Model.Facility;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DcimAgent.Facility;

/// <summary>
/// Runs the facility roll-ups every <c>facility.interval</c>: reads the store, advances the energy ledger,
/// persists it, then publishes. Energy counters are published only after the state holding them is on disk,
/// so a crash can never make them fall back (which Prometheus would read as a reset and count twice).
/// </summary>
public sealed class FacilityService : BackgroundService
{
    private readonly FacilityPlan _plan;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<FacilityService> _log;
    private readonly LedgerStateFile _file;
    private readonly Counter? _ticks;
    private readonly Counter? _stateErrors;
    private readonly Gauge? _meters;
    private FacilityEngine? _engine;

    public FacilityService(AgentConfig config, SeriesStore store, TimeProvider time, ILogger<FacilityService> log, IMetricFactory? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _plan = FacilityPlanFactory.Create(config);
        _store = store;
        _time = time;
        _log = log;
        _file = new LedgerStateFile(config.Agent.StateDir);
        _ticks = metrics?.CreateCounter("dcim_agent_facility_ticks_total", "Facility roll-ups run");
        _stateErrors = metrics?.CreateCounter("dcim_agent_facility_state_errors_total",
            "Facility ledger state problems by kind (load, corrupt, save)", ["kind"]);
        _meters = metrics?.CreateGauge("dcim_agent_facility_meters", "Meters the facility ledger tracks");
    }

    /// <summary>The ledger's state file.</summary>
    public string StatePath => _file.FilePath;

    /// <summary>One roll-up: the step of the loop, callable from tests. Returns whether energy counters were published.</summary>
    public bool TickOnce()
    {
        var now = _time.GetUtcNow();
        _engine ??= OpenLedger(now);
        if (_engine is null)
        {
            return false;
        }

        // Integer maths: a timestamp of ~1e17 ticks times 1000 would lose milliseconds in a double.
        var monoMs = (long)((Int128)_time.GetTimestamp() * 1000 / _time.TimestampFrequency);
        var tick = _engine.Tick(_store, monoMs, now.ToUnixTimeMilliseconds());
        foreach (var conflict in tick.Conflicts)
        {
            FacilityLog.Conflict(_log, conflict);
        }

        var saved = false;
        try
        {
            _file.Save(_engine.ExportState(now.ToUnixTimeMilliseconds()));
            saved = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _stateErrors?.WithLabels("save").Inc();
            FacilityLog.SaveFailed(_log, _file.FilePath, ex);
        }

        _engine.Publish(tick, _store, includeCounters: saved);
        _ticks?.Inc();
        _meters?.Set(_engine.MeterCount);
        return saved;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_plan.Interval, _time);
        try
        {
            do
            {
                try
                {
                    TickOnce();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    FacilityLog.TickFailed(_log, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutdown
        }
    }

    private FacilityEngine? OpenLedger(DateTimeOffset now)
    {
        LedgerLoadResult loaded;
        try
        {
            loaded = _file.Load(now);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable is not corrupt: do not start from zero over a file that may be fine; retry next tick.
            _stateErrors?.WithLabels("load").Inc();
            FacilityLog.LoadFailed(_log, _file.FilePath, ex);
            return null;
        }

        if (loaded.Problem is not null)
        {
            _stateErrors?.WithLabels("corrupt").Inc();
            FacilityLog.CorruptState(_log, loaded.Problem, loaded.MovedAsideTo!);
        }
        else if (loaded.State is null)
        {
            FacilityLog.StartedEmpty(_log, _file.FilePath);
        }
        else
        {
            FacilityLog.Restored(_log, _file.FilePath, loaded.State.Meters.Count, DateTimeOffset.FromUnixTimeMilliseconds(loaded.State.SavedWallMs));
        }

        return new FacilityEngine(_plan, loaded.State);
    }
}
