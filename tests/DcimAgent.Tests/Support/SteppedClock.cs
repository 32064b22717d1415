using Microsoft.Extensions.Time.Testing;

namespace DcimAgent.Tests.Support;

/// <summary>
/// A clock whose wall time can be stepped (an NTP step) while its monotonic time and timers keep going, as on a
/// real host. <see cref="FakeTimeProvider"/> alone cannot do that: its timestamp is derived from its wall time and
/// it refuses to go back.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private readonly FakeTimeProvider _mono;
    private TimeSpan _step;

    public SteppedClock(DateTimeOffset start) => _mono = new FakeTimeProvider(start);

    public override long TimestampFrequency => _mono.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _mono.GetUtcNow() + _step;

    public override long GetTimestamp() => _mono.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _mono.CreateTimer(callback, state, dueTime, period);

    /// <summary>Real time passes: both clocks move, timers fire.</summary>
    public void Advance(TimeSpan by) => _mono.Advance(by);

    /// <summary>The wall clock jumps; monotonic time and timers do not notice.</summary>
    public void StepWall(TimeSpan by) => _step += by;
}
