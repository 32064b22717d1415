namespace DcimAgent.Tests.Support;

/// <summary>
/// The shared pacing of <see cref="UdpFlooder"/>'s threads: by time t (seconds since the start) rate × t
/// datagrams are due; a thread claims a batch of what is due and not yet claimed, gives back what it could not
/// send, and records what it sent.
/// </summary>
internal sealed class FloodSchedule(int rate, TimeSpan duration)
{
    private readonly Lock _lock = new();
    private long _claimed;
    private long _sent;
    private double _lastSend;

    public double Seconds => duration.TotalSeconds;

    public long Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent;
            }
        }
    }

    /// <summary>When (seconds since the start) the last datagram was sent.</summary>
    public double LastSendSeconds
    {
        get
        {
            lock (_lock)
            {
                return _lastSend;
            }
        }
    }

    /// <summary>Claims up to <paramref name="max"/> datagrams due at <paramref name="now"/>; 0 when none are.</summary>
    public int Claim(double now, int max)
    {
        var due = (long)(Math.Min(now, Seconds) * rate);
        lock (_lock)
        {
            var n = (int)Math.Min(max, due - _claimed);
            if (n <= 0)
            {
                return 0;
            }

            _claimed += n;
            return n;
        }
    }

    /// <summary>Returns claimed datagrams that were not sent.</summary>
    public void Unclaim(int n)
    {
        lock (_lock)
        {
            _claimed -= n;
        }
    }

    public void Record(int n, double at)
    {
        lock (_lock)
        {
            _sent += n;
            _lastSend = Math.Max(_lastSend, at);
        }
    }
}
