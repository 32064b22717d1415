namespace DcimAgent.Snmp.Traps;

/// <summary>Counters of a <see cref="SnmpTrapListener"/>; the host maps them to metrics and rate-limited logs.</summary>
public sealed class SnmpTrapListenerCounters
{
    internal long DatagramsValue;
    internal long AcceptedValue;
    internal long InformsAckedValue;
    internal long UnknownCommunityValue;
    internal long UnknownUserValue;
    internal long AuthFailuresValue;
    internal long MalformedValue;
    internal long QueueDroppedValue;
    internal long ReportsValue;

    public long Datagrams => Interlocked.Read(ref DatagramsValue);

    public long Accepted => Interlocked.Read(ref AcceptedValue);

    public long InformsAcknowledged => Interlocked.Read(ref InformsAckedValue);

    public long UnknownCommunity => Interlocked.Read(ref UnknownCommunityValue);

    public long UnknownUser => Interlocked.Read(ref UnknownUserValue);

    /// <summary>Wrong digest, wrong security level, undecryptable, outside the time window, engine not allowed.</summary>
    public long AuthFailures => Interlocked.Read(ref AuthFailuresValue);

    public long Malformed => Interlocked.Read(ref MalformedValue);

    public long QueueDropped => Interlocked.Read(ref QueueDroppedValue);

    /// <summary>USM reports sent (discovery answers for v3 informs, and errors).</summary>
    public long ReportsSent => Interlocked.Read(ref ReportsValue);
}
