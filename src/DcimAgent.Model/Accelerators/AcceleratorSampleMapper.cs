using System.Globalization;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Board readings → samples of the <c>dcim_accelerator_*</c> families (spec/metrics.md). <c>device</c> is the
/// host, <c>accelerator</c> the 0-based board index. Readings that are null produce no series.
/// The clocks-event bitmask becomes <c>dcim_accelerator_throttled{reason}</c> for the four reasons the spec names;
/// SW and HW thermal slowdown are both <c>thermal</c>. Health is a state set.
/// </summary>
public static class AcceleratorSampleMapper
{
    public static int Write(IReadOnlyList<AcceleratorReading> boards, DeviceIdentity host, long timestampMs, ISampleSink sink)
    {
        var written = 0;
        foreach (var r in boards)
        {
            written += Write(r, host, timestampMs, sink);
        }

        return written;
    }

    public static int Write(AcceleratorReading r, DeviceIdentity host, long timestampMs, ISampleSink sink)
    {
        var n = 0;
        var board = LabelSet.Of(("accelerator", r.Index.ToString(CultureInfo.InvariantCulture)));

        void Put(MetricFamily family, double? value, LabelSet? labels = null)
        {
            if (value is { } v && sink.Write(new Sample(family, host, labels ?? board, v, timestampMs)))
            {
                n++;
            }
        }

        Put(MetricCatalog.AcceleratorInfo, 1, board
            .With("uuid", r.Uuid ?? string.Empty)
            .With("vendor", r.Vendor ?? string.Empty)
            .With("model", r.Model ?? string.Empty)
            .With("serial", r.Serial ?? string.Empty)
            .With("driver", r.Driver ?? string.Empty));
        Put(MetricCatalog.AcceleratorTemperature, r.TemperatureCelsius);
        Put(MetricCatalog.AcceleratorMemoryTemperature, r.MemoryTemperatureCelsius);
        Put(MetricCatalog.AcceleratorTemperatureSlowdown, r.SlowdownTemperatureCelsius);
        Put(MetricCatalog.AcceleratorPower, r.PowerWatts);
        Put(MetricCatalog.AcceleratorPowerLimit, r.PowerLimitWatts);
        Put(MetricCatalog.AcceleratorEnergy, r.EnergyJoules);
        Put(MetricCatalog.AcceleratorUtilization, r.UtilizationRatio);
        Put(MetricCatalog.AcceleratorMemoryUsed, r.MemoryUsedBytes);
        Put(MetricCatalog.AcceleratorMemoryTotal, r.MemoryTotalBytes);
        Put(MetricCatalog.AcceleratorClock, r.CoreClockHertz, board.With("clock", "core"));
        Put(MetricCatalog.AcceleratorClock, r.MemoryClockHertz, board.With("clock", "memory"));
        if (r.ClockEventReasons is { } reasons)
        {
            foreach (var (reason, active) in ThrottleReasons(reasons))
            {
                Put(MetricCatalog.AcceleratorThrottled, active ? 1 : 0, board.With("reason", reason));
            }
        }

        Put(MetricCatalog.AcceleratorEccErrors, r.EccCorrected, board.With("type", "corrected"));
        Put(MetricCatalog.AcceleratorEccErrors, r.EccUncorrected, board.With("type", "uncorrected"));
        if (r.Health is { } health)
        {
            foreach (var s in Sample.States(MetricCatalog.AcceleratorHealth, host, board, HealthState(health), timestampMs))
            {
                if (sink.Write(s))
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>The spec's throttle reasons from the NVML bitmask, in the catalogue's order.</summary>
    public static IEnumerable<(string Reason, bool Active)> ThrottleReasons(ClockEventReasons mask)
    {
        yield return ("power_cap", (mask & ClockEventReasons.SwPowerCap) != 0);
        yield return ("thermal", (mask & (ClockEventReasons.SwThermalSlowdown | ClockEventReasons.HwThermalSlowdown)) != 0);
        yield return ("hw_slowdown", (mask & ClockEventReasons.HwSlowdown) != 0);
        yield return ("power_brake", (mask & ClockEventReasons.HwPowerBrakeSlowdown) != 0);
    }

    public static string HealthState(AcceleratorHealth health) => health switch
    {
        AcceleratorHealth.Ok => "ok",
        AcceleratorHealth.Warning => "warning",
        _ => "critical",
    };
}
