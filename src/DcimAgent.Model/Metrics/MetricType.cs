namespace DcimAgent.Model.Metrics;

/// <summary>How a family is exposed. A state set is a gauge with one series per state (OpenMetrics stateset shape).</summary>
public enum MetricType
{
    Gauge,
    Counter,
    StateSet,
}
