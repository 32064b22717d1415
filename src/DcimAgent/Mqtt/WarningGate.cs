namespace DcimAgent.Mqtt;

/// <summary>
/// Lets one warning through per interval and counts what it held back, so a publisher flooding bad payloads
/// costs one log line per interval instead of one per message. Thread-safe.
/// </summary>
public sealed class WarningGate
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private long _suppressed;

    public WarningGate(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _interval = interval;
    }

    /// <summary>True when a warning may be logged now; <paramref name="suppressed"/> is how many were held back before it.</summary>
    public bool TryPass(out long suppressed)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now < _next)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = _suppressed;
            _suppressed = 0;
            _next = now + _interval;
            return true;
        }
    }
}
