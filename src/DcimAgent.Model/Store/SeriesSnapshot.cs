using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>A read-only view of one series at the time it was read.</summary>
/// <param name="CounterRaw">For counters: the device's own register value (high-water mark) behind
/// <paramref name="Value"/>; NaN for gauges. The energy ledger needs it to continue a counter across an agent
/// restart, where the store's unwrapped value starts again from the raw reading.</param>
public readonly record struct SeriesSnapshot(MetricFamily Family, DeviceIdentity? Device, LabelSet Labels, double Value, long UpdatedMs, double CounterRaw = double.NaN);
