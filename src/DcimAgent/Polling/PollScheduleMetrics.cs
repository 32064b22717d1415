using Prometheus;

namespace DcimAgent.Polling;

/// <summary>
/// The distribution of schedule lateness (how long after its slot a poll started: waiting for the concurrency
/// gate or for a busy thread pool). The last-value gauge shows one poll; capacity planning needs p50/p99 over
/// all of them (<c>histogram_quantile(0.99, rate(dcim_agent_snmp_schedule_lateness_seconds_bucket[5m]))</c>).
/// </summary>
internal static class PollScheduleMetrics
{
    /// <summary>Buckets bracket the 2 s p99 goal of a 60 s interval closely, and reach a whole interval.</summary>
    public static readonly double[] LatenessBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

    public static Histogram CreateLatenessHistogram(IMetricFactory metrics) =>
        metrics.CreateHistogram("dcim_agent_snmp_schedule_lateness_seconds", "How late each SNMP poll started against its slot",
            new HistogramConfiguration { Buckets = LatenessBuckets });
}
