namespace DcimAgent.Model.Store;

/// <summary>Prometheus text format 0.0.4, or OpenMetrics 1.0 text (counters' TYPE lines without <c>_total</c>).</summary>
public enum ExpositionFormat
{
    Prometheus,
    OpenMetrics,
}
