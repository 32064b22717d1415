namespace DcimAgent.Simulator.Physics;

/// <summary>
/// The job on a host: idle until its start time, then training at full utilization with a short dip every
/// ten minutes (a checkpoint written to storage). Hosts start staggered so the hall ramps up visibly.
/// </summary>
public sealed record LoadSchedule(double StartSeconds)
{
    public const double CheckpointPeriodSeconds = 600;
    public const double CheckpointSeconds = 30;

    /// <summary>The utilization the job asks for at simulated time <paramref name="t"/>.</summary>
    public double TargetUtilization(double t)
    {
        if (t < StartSeconds)
        {
            return 0;
        }

        var intoPeriod = (t - StartSeconds) % CheckpointPeriodSeconds;
        return intoPeriod >= CheckpointPeriodSeconds - CheckpointSeconds ? 0.15 : 1.0;
    }

    /// <summary>Host h starts at 20 s + 15 s × h, so every host is busy within the first minute.</summary>
    public static LoadSchedule ForHost(int hostIndex) => new(20 + (15.0 * hostIndex));
}
