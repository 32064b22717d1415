using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DcimAgent.Polling;

/// <summary>
/// The hosted service: loads profiles, resolves the targets this agent owns (all of them, or its rendezvous
/// share under <c>agent.shard</c>), and keeps one poll loop per target. A config reload (SIGHUP) is applied
/// per target: unchanged targets keep running with their series and state, changed ones restart, removed ones
/// stop and their series are deleted, new ones start.
/// </summary>
public sealed class SnmpPollingService : BackgroundService
{
    private readonly AgentConfig _config;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<SnmpPollingService> _log;
    private readonly ISnmpQuerierFactory? _factory;
    private readonly ConfigMonitor? _monitor;
    private readonly Counter? _polls;
    private readonly Gauge? _lateness;
    private readonly Histogram? _latenessHistogram;
    private readonly Counter? _varbinds;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunningTarget> _running = new(StringComparer.Ordinal);
    private PollScheduler? _scheduler;
    private CancellationToken _stopping;

    public SnmpPollingService(
        AgentConfig config,
        SeriesStore store,
        TimeProvider time,
        ILogger<SnmpPollingService> log,
        IEnumerable<ISnmpQuerierFactory> factories,
        IEnumerable<ConfigMonitor> monitors,
        IMetricFactory? metrics = null)
    {
        _config = config;
        _store = store;
        _time = time;
        _log = log;
        _factory = factories.LastOrDefault();
        _monitor = monitors.LastOrDefault();
        _polls = metrics?.CreateCounter("dcim_agent_snmp_polls_total", "SNMP polls by result", ["result"]);
        _varbinds = metrics?.CreateCounter("dcim_agent_snmp_varbinds_total", "Varbinds received by SNMP polls (cost accounting: bench/snmp-vs-exporter.sh divides CPU by it)");
        _lateness = metrics?.CreateGauge("dcim_agent_snmp_poll_lateness_seconds", "How late the last SNMP poll started against its slot, per the most recent poll");
        _latenessHistogram = metrics is null ? null : PollScheduleMetrics.CreateLatenessHistogram(metrics);
    }

    /// <summary>Names of the targets being polled now (tests, sharding checks).</summary>
    public IReadOnlyCollection<string> RunningTargets
    {
        get
        {
            lock (_lock)
            {
                return [.. _running.Keys];
            }
        }
    }

    /// <summary>True when this agent owns <paramref name="device"/> under <c>agent.shard</c>.</summary>
    public static bool Owns(AgentConfig config, string device) => Sharding.TargetSharding.Owns(config, device);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_factory is null)
        {
            if (_config.Snmp.Targets.Count > 0)
            {
                PollingLog.NoClient(_log, _config.Snmp.Targets.Count);
            }

            return;
        }

        var catalog = ProfilePaths.Load(_config);
        var defaults = _config.Snmp.Defaults;
        var poller = new DevicePoller(catalog, _store, _time, defaults.LabelRefreshPolls);
        using var scheduler = new PollScheduler(poller, _time, defaults.Concurrency) { OnPolled = Observe };
        _scheduler = scheduler;
        _stopping = stoppingToken;
        Apply(_config);
        PollingLog.Started(_log, RunningTargets.Count, catalog.Profiles.Count, defaults.Concurrency);
        if (_monitor is not null)
        {
            _monitor.Changed += OnConfigChanged;
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (_monitor is not null)
            {
                _monitor.Changed -= OnConfigChanged;
            }

            Task[] loops;
            lock (_lock)
            {
                loops = [.. _running.Values.Select(r => r.Loop)];
                foreach (var r in _running.Values)
                {
                    r.Cancel.Cancel();
                }
            }

            await Task.WhenAll(loops);
            lock (_lock)
            {
                foreach (var r in _running.Values)
                {
                    r.Cancel.Dispose();
                }

                _running.Clear();
            }
        }
    }

    private void OnConfigChanged(AgentConfig old, AgentConfig next)
    {
        _ = old;
        if (!_stopping.IsCancellationRequested)
        {
            Apply(next);
        }
    }

    /// <summary>Brings the running loops in line with <paramref name="config"/>.</summary>
    private void Apply(AgentConfig config)
    {
        var wanted = config.Snmp.Targets.Where(t => Owns(config, t.Name)).ToList();
        var fingerprints = wanted.ToDictionary(t => t.Name, t => Fingerprint(config, t), StringComparer.Ordinal);
        var toStart = new List<SnmpTargetConfig>();
        lock (_lock)
        {
            foreach (var (name, running) in _running.ToList())
            {
                if (fingerprints.TryGetValue(name, out var fp) && fp == running.Fingerprint)
                {
                    continue;
                }

                running.Cancel.Cancel();
                _running.Remove(name);
                if (!fingerprints.ContainsKey(name))
                {
                    // Gone from the config (or moved to another shard): its series go with it.
                    _ = running.Loop.ContinueWith(_ => _store.RemoveDevice(name), TaskScheduler.Default);
                }
            }

            toStart.AddRange(wanted.Where(t => !_running.ContainsKey(t.Name)));
        }

        if (toStart.Count == 0)
        {
            return;
        }

        var subset = new AgentConfig { Agent = config.Agent, Snmp = new SnmpSection { Defaults = config.Snmp.Defaults, Credentials = config.Snmp.Credentials, Targets = toStart } };
        foreach (var target in TargetResolver.Resolve(subset, _factory!))
        {
            var cts = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            var loop = _scheduler!.RunTargetAsync(target, cts.Token);
            lock (_lock)
            {
                _running[target.Name] = new RunningTarget(fingerprints[target.Name], cts, loop);
            }
        }
    }

    /// <summary>Everything about a target that a poll loop depends on; equal fingerprints keep the loop running.</summary>
    private static string Fingerprint(AgentConfig config, SnmpTargetConfig t)
    {
        var c = config.Snmp.Credentials.FirstOrDefault(x => string.Equals(x.Name, t.Credentials, StringComparison.Ordinal));
        var d = config.Snmp.Defaults;
        var labels = string.Join(',', t.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
        return string.Join('\u001f',
            t.Address, t.Profile, t.DeviceClass, t.Interval ?? d.Interval, t.Timeout ?? d.Timeout, t.Retries ?? d.Retries,
            t.MaxRepetitions ?? d.MaxRepetitions, labels, config.Agent.Site,
            c?.Version, c?.Community, c?.Username, c?.SecurityLevel, c?.AuthProtocol, c?.AuthPassword, c?.PrivProtocol, c?.PrivPassword, c?.Context);
    }

    private void Observe(PollTarget target, PollOutcome outcome)
    {
        _polls?.WithLabels(outcome.Up ? "ok" : outcome.Error.ToString().ToLowerInvariant()).Inc();
        _lateness?.Set(target.LastLateness.TotalSeconds);
        _latenessHistogram?.Observe(target.LastLateness.TotalSeconds);
        _varbinds?.Inc(outcome.VarBinds);
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

    private sealed record RunningTarget(string Fingerprint, CancellationTokenSource Cancel, Task Loop);
}
