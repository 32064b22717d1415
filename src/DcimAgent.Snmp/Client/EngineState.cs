namespace DcimAgent.Snmp.Client;

/// <summary>
/// What a non-authoritative engine knows about an authoritative one (RFC 3414 §2.3): snmpEngineID,
/// snmpEngineBoots and an estimate of snmpEngineTime, plus latestReceivedEngineTime for §3.2 step 7b.
/// </summary>
internal sealed class EngineState
{
    private readonly Lock _gate = new();
    private int _boots;
    private int _time;
    private int _latestReceived;
    private long _syncedAt;

    public EngineState(byte[] engineId, int boots, int time, long now)
    {
        EngineId = engineId;
        _boots = boots;
        _time = time;
        _latestReceived = time;
        _syncedAt = now;
    }

    public byte[] EngineId { get; }

    public (int Boots, int Time) Now(TimeProvider clock)
    {
        lock (_gate)
        {
            var elapsed = (long)clock.GetElapsedTime(_syncedAt).TotalSeconds;
            return (_boots, (int)Math.Min(int.MaxValue, _time + elapsed));
        }
    }

    /// <summary>RFC 3414 §3.2 step 7b: move forward on a later boot, or a later time in the same boot.</summary>
    public void Update(int boots, int time, TimeProvider clock, bool force = false)
    {
        lock (_gate)
        {
            if (force || boots > _boots || (boots == _boots && time > _latestReceived))
            {
                _boots = boots;
                _time = time;
                _latestReceived = time;
                _syncedAt = clock.GetTimestamp();
            }
        }
    }
}
