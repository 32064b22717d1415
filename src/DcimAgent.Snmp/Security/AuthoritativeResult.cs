using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// Outcome of <see cref="UsmAuthoritativeEngine.Process"/>: an accepted ScopedPDU with the user's keys, a Report
/// to send back, or neither (drop silently).
/// </summary>
public sealed class AuthoritativeResult
{
    public ScopedPdu? Accepted { get; init; }

    public UsmUserKeys? Keys { get; init; }

    public SecurityLevel Level { get; init; }

    /// <summary>Encoded Report to return to the sender (RFC 3412 §7.1 step 3 / RFC 3414 §3.2), if any.</summary>
    public byte[]? Report { get; init; }

    /// <summary>The usmStats OID behind the report or drop; default when accepted.</summary>
    public Oid Reason { get; init; }
}
