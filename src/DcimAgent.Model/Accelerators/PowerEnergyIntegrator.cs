namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Energy for boards without an energy counter (every Ascend NPU; NVIDIA read through nvidia-smi, whose
/// query has no energy field): the trapezoid integral of power over the collection times, per board, starting
/// at 0 J when the board is first seen. A gap longer than <see cref="MaxGapMs"/> (agent stalled, tool hung)
/// is not bridged: the counter holds and resumes from the next pair of readings, so a guess never inflates it.
/// The counter restarts at 0 with the agent, which Prometheus' rate()/increase() treat as a counter reset.
/// Pure: the caller passes the time of each frame.
/// </summary>
public sealed class PowerEnergyIntegrator
{
    private readonly Dictionary<(int Index, string Uuid), (long TimeMs, double Watts, double Joules)> _state = [];

    public PowerEnergyIntegrator(long maxGapMs = 5 * 60 * 1000) => MaxGapMs = maxGapMs;

    public long MaxGapMs { get; }

    /// <summary>Fills <see cref="AcceleratorReading.EnergyJoules"/> of the boards that report power but no energy.</summary>
    public void Apply(IReadOnlyList<AcceleratorReading> boards, long timestampMs)
    {
        foreach (var r in boards)
        {
            if (r.EnergyJoules is not null || r.PowerWatts is not { } watts)
            {
                continue;
            }

            var key = (r.Index, r.Uuid ?? string.Empty);
            var joules = 0.0;
            if (_state.TryGetValue(key, out var last))
            {
                joules = last.Joules;
                var dtMs = timestampMs - last.TimeMs;
                if (dtMs <= 0)
                {
                    // Same or older frame (clock step back): nothing elapsed, keep the state as it was.
                    r.EnergyJoules = joules;
                    r.EnergyIntegrated = true;
                    continue;
                }

                if (dtMs <= MaxGapMs)
                {
                    joules += (last.Watts + watts) / 2.0 * (dtMs / 1000.0);
                }
            }

            _state[key] = (timestampMs, watts, joules);
            r.EnergyJoules = joules;
            r.EnergyIntegrated = true;
        }
    }
}
