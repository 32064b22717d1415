namespace DcimAgent.Snmp.Client;

/// <summary>Monotonic counters of a <see cref="SnmpClient"/>; the host maps them to metrics.</summary>
public sealed class SnmpClientCounters
{
    internal long RequestsValue;
    internal long RetransmissionsValue;
    internal long TimeoutsValue;
    internal long RepliesValue;
    internal long StaleValue;
    internal long DuplicateValue;
    internal long ForeignValue;
    internal long MalformedValue;
    internal long AuthFailuresValue;
    internal long TimeResyncsValue;
    internal long RediscoveriesValue;

    public long Requests => Interlocked.Read(ref RequestsValue);

    public long Retransmissions => Interlocked.Read(ref RetransmissionsValue);

    public long Timeouts => Interlocked.Read(ref TimeoutsValue);

    /// <summary>Datagrams received on the socket.</summary>
    public long Replies => Interlocked.Read(ref RepliesValue);

    /// <summary>Replies whose id matches nothing outstanding or recently completed.</summary>
    public long StaleReplies => Interlocked.Read(ref StaleValue);

    /// <summary>Second and later replies to an already answered request.</summary>
    public long DuplicateReplies => Interlocked.Read(ref DuplicateValue);

    /// <summary>Replies with a known id from an endpoint other than the request's.</summary>
    public long ForeignReplies => Interlocked.Read(ref ForeignValue);

    /// <summary>Datagrams that did not parse.</summary>
    public long MalformedReplies => Interlocked.Read(ref MalformedValue);

    /// <summary>SNMPv3 replies with a wrong MAC, dropped.</summary>
    public long AuthenticationFailures => Interlocked.Read(ref AuthFailuresValue);

    /// <summary>
    /// SNMPv3 notInTimeWindow reports answered by taking the agent's boots/time and resending (RFC 3414 §3.2
    /// step 7b): what an agent restart (engineBoots up, engineTime back to 0) costs, with no operator action.
    /// </summary>
    public long TimeWindowResyncs => Interlocked.Read(ref TimeResyncsValue);

    /// <summary>SNMPv3 unknownEngineID reports answered by discovering the engine again (a replaced device).</summary>
    public long EngineRediscoveries => Interlocked.Read(ref RediscoveriesValue);
}
