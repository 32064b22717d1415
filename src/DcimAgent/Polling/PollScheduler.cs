namespace DcimAgent.Polling;

/// <summary>
/// Runs every target on its own interval. Targets are spread over their interval by a stable hash of their
/// name (thousands of devices never fire in the same second), each slot gets a little jitter, semaphores bound
/// the polls in flight, and each poll has a time budget, so a dead or slow device only ever holds its own slot.
/// A poll that overruns skips the slots it missed instead of bursting to catch up.
/// <para>
/// Two pools: targets whose last poll succeeded share one, targets that are down or not yet proven (never
/// polled) share the other. A dead target holds its slot for its whole timeout and retries, so a thousand of
/// them in one shared pool would queue the healthy targets behind them; apart, they only wait for each other.
/// </para>
/// <para>
/// Slots are kept on the monotonic clock (<see cref="TimeProvider.GetTimestamp"/>), not the wall clock: an NTP
/// step of an hour back would otherwise park every loop for an hour, and a step forward would read as an hour
/// of lateness.
/// </para>
/// </summary>
public sealed class PollScheduler : IDisposable
{
    private readonly DevicePoller _poller;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate;
    private readonly SemaphoreSlim _downGate;
    private readonly double _jitter;
    private readonly long _origin;

    public PollScheduler(DevicePoller poller, TimeProvider time, int concurrency, double jitterFraction = 0.02)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _poller = poller;
        _time = time;
        _gate = new SemaphoreSlim(concurrency, concurrency);
        _downGate = new SemaphoreSlim(concurrency, concurrency);
        _jitter = jitterFraction;
        _origin = time.GetTimestamp();
    }

    /// <summary>Longest a poll may take, as a share of the target's interval.</summary>
    public double BudgetFraction { get; init; } = 0.9;

    /// <summary>Called after every poll (self-metrics, logs).</summary>
    public Action<PollTarget, PollOutcome>? OnPolled { get; init; }

    /// <summary>Polls every target until <paramref name="stopping"/> fires.</summary>
    public Task RunAsync(IReadOnlyList<PollTarget> targets, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var start = Now();
        var loops = new Task[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            loops[i] = RunTargetAsync(targets[i], start, stopping);
        }

        return Task.WhenAll(loops);
    }

    /// <summary>Polls one target from now until <paramref name="stopping"/> fires (targets added by a reload).</summary>
    public Task RunTargetAsync(PollTarget target, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RunTargetAsync(target, Now(), stopping);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _downGate.Dispose();
    }

    /// <summary>Where in its interval a target's slot falls: stable across restarts.</summary>
    public static TimeSpan Offset(string name, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(name);

        // FNV-1a: string.GetHashCode is randomised per process, and the slot must not move on restart.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return TimeSpan.FromTicks((long)(hash / (double)uint.MaxValue * interval.Ticks));
    }

    /// <summary>Monotonic time since this scheduler was made; wall-clock steps do not move it.</summary>
    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private async Task RunTargetAsync(PollTarget target, TimeSpan start, CancellationToken stopping)
    {
        var due = start + Offset(target.Name, target.Interval);
        var random = new Random((int)Offset(target.Name, TimeSpan.FromDays(1)).Ticks);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var wait = due - Now();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stopping);
                }

                // Chosen per poll: a target that comes back moves to the healthy pool on its next slot.
                var gate = target.Up == true ? _gate : _downGate;
                await gate.WaitAsync(stopping);
                try
                {
                    var lateness = Now() - due;
                    target.LastLateness = lateness > TimeSpan.Zero ? lateness : TimeSpan.Zero;
                    if (target.LastLateness > target.MaxLateness)
                    {
                        target.MaxLateness = target.LastLateness;
                    }

                    using var budget = new CancellationTokenSource(target.Interval * BudgetFraction, _time);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, stopping);
                    var outcome = await _poller.PollOnceAsync(target, linked.Token, stopping);
                    OnPolled?.Invoke(target, outcome);
                }
                finally
                {
                    gate.Release();
                }

                due += target.Interval;
                var now = Now();
                while (due < now)
                {
                    due += target.Interval;
                }

                due += TimeSpan.FromTicks((long)(((random.NextDouble() * 2) - 1) * _jitter * target.Interval.Ticks));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
