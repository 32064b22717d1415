using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>One series in the store: its labels (kept for roll-ups and tests), the preformatted exposition
/// prefix, the latest value and when it was written.</summary>
internal sealed class Series
{
    public Series(MetricFamily family, DeviceIdentity? device, LabelSet labels, string key)
    {
        Family = family;
        Device = device;
        Labels = labels;
        Key = key;
        Line = System.Text.Encoding.UTF8.GetBytes(family.Name + "{" + key + "} ");
    }

    public MetricFamily Family { get; }

    public DeviceIdentity? Device { get; }

    public LabelSet Labels { get; }

    /// <summary>The formatted label list (identity first), unique within the family.</summary>
    public string Key { get; }

    /// <summary>UTF-8 <c>name{labels} </c>, formatted once.</summary>
    public byte[] Line { get; }

    public double Value;
    public long UpdatedMs;
    public CounterState Counter;

    /// <summary>Set when the series leaves the store, so the cached exposition order can drop it.</summary>
    public bool Removed;
}
