using Prometheus;

namespace DcimAgent.Exposition;

/// <summary>
/// The agent's own metrics (dcim_agent_*), kept apart from device families: build info, config reload status,
/// collector loop durations. Lives on an injected prometheus-net registry so tests can read it exactly.
/// </summary>
public sealed class AgentMetrics
{
    public AgentMetrics(CollectorRegistry registry, string version)
    {
        Registry = registry;
        Factory = Metrics.WithCustomRegistry(registry);
        BuildInfo = Factory.CreateGauge("dcim_agent_build_info", "Agent build; always 1", ["version", "runtime"]);
        BuildInfo.WithLabels(version, Environment.Version.ToString()).Set(1);
        ConfigReloadSuccess = Factory.CreateGauge("dcim_agent_config_last_reload_successful", "1 if the last config (re)load was applied");
        ConfigReloadTimestamp = Factory.CreateGauge("dcim_agent_config_last_reload_success_timestamp_seconds", "Unix time of the last applied config");
        CollectorLoopDuration = Factory.CreateHistogram("dcim_agent_collector_loop_duration_seconds", "Duration of one collector loop iteration",
            new HistogramConfiguration
            {
                LabelNames = ["collector"],
                Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            });
        StoreSeries = Factory.CreateGauge("dcim_agent_store_series", "Series held in the store");
        StoreRejected = Factory.CreateGauge("dcim_agent_store_rejected_samples", "Samples the store refused (NaN, infinity, negative counter, label not in the family)");
        ScrapeDuration = Factory.CreateGauge("dcim_agent_scrape_duration_seconds", "Time spent writing the last /metrics response");
    }

    public CollectorRegistry Registry { get; }

    /// <summary>For collectors that add their own dcim_agent_* metrics.</summary>
    public IMetricFactory Factory { get; }

    public Gauge BuildInfo { get; }

    public Gauge ConfigReloadSuccess { get; }

    public Gauge ConfigReloadTimestamp { get; }

    public Histogram CollectorLoopDuration { get; }

    public Gauge StoreSeries { get; }

    public Gauge StoreRejected { get; }

    public Gauge ScrapeDuration { get; }
}
