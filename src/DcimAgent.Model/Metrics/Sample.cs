namespace DcimAgent.Model.Metrics;

/// <summary>
/// One normalized reading: a family, the device it belongs to (null for global families), its component labels,
/// a value in the family's base unit and the time it was taken (Unix milliseconds).
/// </summary>
/// <param name="Wrap">For counters: how the raw value wraps (Counter32/Counter64) so the store can unwrap it.</param>
/// <param name="WrapUnit">For wrapping counters: the base-unit value of one raw count (a Counter32 of Wh wraps at
/// 2^32 × 3600 J), so the store finds the wrap point of a scaled value.</param>
public readonly record struct Sample(
    MetricFamily Family,
    DeviceIdentity? Device,
    LabelSet Labels,
    double Value,
    long TimestampMs,
    CounterWrap Wrap = CounterWrap.None,
    double WrapUnit = 1)
{
    /// <summary>One sample per state of a state set: the current state 1, every other 0.</summary>
    public static IEnumerable<Sample> States(MetricFamily family, DeviceIdentity? device, LabelSet labels, string current, long timestampMs)
    {
        foreach (var state in family.States)
        {
            yield return new Sample(family, device, labels.With("state", state),
                string.Equals(state, current, StringComparison.Ordinal) ? 1 : 0, timestampMs);
        }
    }
}

/// <summary>How a raw counter value wraps on the device.</summary>
public enum CounterWrap
{
    /// <summary>A register that does not wrap (a kWh float): a large drop is a reset, a small one is jitter.</summary>
    None,

    /// <summary>SNMP Counter32: wraps at 2^32.</summary>
    Bits32,

    /// <summary>SNMP Counter64: wraps at 2^64.</summary>
    Bits64,
}
