using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>A read-only view of one series at the time it was read.</summary>
public readonly record struct SeriesSnapshot(MetricFamily Family, DeviceIdentity? Device, LabelSet Labels, double Value, long UpdatedMs);
