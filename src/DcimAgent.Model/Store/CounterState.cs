namespace DcimAgent.Model.Store;

using DcimAgent.Model.Metrics;

/// <summary>
/// Turns the raw readings of a device counter into a value that never goes backwards.
/// Exposed = accumulated increments since the first reading + the first reading.
/// A decrease is a wrap when the counter is an SNMP Counter32/64 and the wrapped increment is plausible
/// (under half the range); otherwise it is a device reset and the new raw value counts from zero
/// (Prometheus' own reset rule), so no negative increment and no double count. For float registers that
/// do not wrap (kWh), a drop of less than half the last value is read as jitter and held, not as a reset.
/// </summary>
internal struct CounterState
{
    private const double TwoPow32 = 4294967296d;
    private const double TwoPow64 = 18446744073709551616d;

    public double Exposed;
    public double LastRaw;
    public bool HasRaw;
    public long Resets;
    public long Wraps;

    public void Observe(double raw, CounterWrap wrap, double wrapUnit = 1)
    {
        if (!HasRaw)
        {
            Exposed = raw;
            LastRaw = raw;
            HasRaw = true;
            return;
        }

        if (raw >= LastRaw)
        {
            Exposed += raw - LastRaw;
            LastRaw = raw;
            return;
        }

        var range = wrap switch
        {
            CounterWrap.Bits32 => TwoPow32,
            CounterWrap.Bits64 => TwoPow64,
            _ => 0,
        } * (wrapUnit > 0 ? wrapUnit : 1);
        if (range > 0 && raw + range - LastRaw < range / 2)
        {
            Exposed += raw + range - LastRaw;
            LastRaw = raw;
            Wraps++;
            return;
        }

        if (wrap == CounterWrap.None && raw >= LastRaw / 2)
        {
            // Jitter of a float register: keep the high-water mark; the next rise above it counts.
            return;
        }

        Exposed += raw;
        LastRaw = raw;
        Resets++;
    }

    /// <summary>The device restarted (sysUpTime went backwards): any decrease is a reset, never a wrap.</summary>
    public void ObserveAfterRestart(double raw)
    {
        if (HasRaw && raw < LastRaw)
        {
            Exposed += raw;
            LastRaw = raw;
            Resets++;
            return;
        }

        Observe(raw, CounterWrap.None);
    }
}
