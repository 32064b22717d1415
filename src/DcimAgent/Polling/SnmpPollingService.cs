using DcimAgent.Configuration;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DcimAgent.Polling;

/// <summary>The hosted service: loads profiles, resolves targets, runs the scheduler until shutdown.</summary>
public sealed class SnmpPollingService : BackgroundService
{
    private readonly AgentConfig _config;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<SnmpPollingService> _log;
    private readonly ISnmpQuerierFactory? _factory;
    private readonly Counter? _polls;
    private readonly Gauge? _lateness;
    private readonly Histogram? _latenessHistogram;

    public SnmpPollingService(
        AgentConfig config,
        SeriesStore store,
        TimeProvider time,
        ILogger<SnmpPollingService> log,
        IEnumerable<ISnmpQuerierFactory> factories,
        IMetricFactory? metrics = null)
    {
        _config = config;
        _store = store;
        _time = time;
        _log = log;
        _factory = factories.LastOrDefault();
        _polls = metrics?.CreateCounter("dcim_agent_snmp_polls_total", "SNMP polls by result", ["result"]);
        _lateness = metrics?.CreateGauge("dcim_agent_snmp_poll_lateness_seconds", "How late the last SNMP poll started against its slot, per the most recent poll");
        _latenessHistogram = metrics is null ? null : PollScheduleMetrics.CreateLatenessHistogram(metrics);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_config.Snmp.Targets.Count == 0)
        {
            return;
        }

        if (_factory is null)
        {
            PollingLog.NoClient(_log, _config.Snmp.Targets.Count);
            return;
        }

        var catalog = ProfilePaths.Load(_config);
        var targets = TargetResolver.Resolve(_config, _factory);
        var defaults = _config.Snmp.Defaults;
        var poller = new DevicePoller(catalog, _store, _time, defaults.LabelRefreshPolls);
        using var scheduler = new PollScheduler(poller, _time, defaults.Concurrency) { OnPolled = Observe };
        PollingLog.Started(_log, targets.Count, catalog.Profiles.Count, defaults.Concurrency);
        await scheduler.RunAsync(targets, stoppingToken);
    }

    private void Observe(PollTarget target, PollOutcome outcome)
    {
        _polls?.WithLabels(outcome.Up ? "ok" : outcome.Error.ToString().ToLowerInvariant()).Inc();
        _lateness?.Set(target.LastLateness.TotalSeconds);
        _latenessHistogram?.Observe(target.LastLateness.TotalSeconds);
        if (outcome.Up)
        {
            PollingLog.Polled(_log, target.Name, outcome.Samples, outcome.VarBinds, outcome.Duration.TotalSeconds);
        }

        // Transitions only: one line when a device goes down or comes back, none per poll.
        if (target.WasUp != outcome.Up)
        {
            if (outcome.Up)
            {
                PollingLog.DeviceUp(_log, target.Name, target.Profile?.Name);
            }
            else
            {
                PollingLog.DeviceDown(_log, target.Name, outcome.Error.ToString(), outcome.Detail);
            }
        }
    }
}
