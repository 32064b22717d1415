namespace DcimAgent.Mqtt;

/// <summary>
/// Reconnect delays: doubling from <c>min</c> up to <c>max</c>, each drawn uniformly from the upper half of its
/// step ("equal jitter"), so a hall of agents that lost the same broker does not reconnect in lock step, while no
/// delay is ever shorter than half a step. Pure: the random source is injected.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;
    private int _attempt;

    public Backoff(TimeSpan min, TimeSpan max, Func<double>? random = null)
    {
        if (min <= TimeSpan.Zero || max < min)
        {
            throw new ArgumentException($"backoff needs 0 < min ({min}) <= max ({max})");
        }

        _min = min;
        _max = max;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Failures since the last <see cref="Reset"/>.</summary>
    public int Attempt => _attempt;

    /// <summary>The delay before the next attempt; each call counts one more failure.</summary>
    public TimeSpan Next()
    {
        // 2^attempt overflows long ticks long before the cap matters: clamp the exponent.
        var step = _min.Ticks * Math.Pow(2, Math.Min(_attempt, 30));
        var capped = Math.Min(step, _max.Ticks);
        _attempt++;
        var r = Math.Clamp(_random(), 0.0, 1.0);
        return TimeSpan.FromTicks((long)(capped * (0.5 + (0.5 * r))));
    }

    /// <summary>After a successful connection: start from <c>min</c> again.</summary>
    public void Reset() => _attempt = 0;
}
