using System.Net;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Traps;

/// <summary>
/// A received trap or inform in SNMPv2 form (RFC 3416 §4.2.6): snmpTrapOID, sysUpTime and the varbinds that
/// followed them. SNMPv1 traps are converted per RFC 3584 §3.1 (their header also kept in <see cref="V1"/>).
/// </summary>
public sealed record SnmpNotification(
    IPEndPoint Source,
    SnmpVersion Version,
    string SecurityName,
    bool IsInform,
    Oid TrapOid,
    uint Uptime,
    IReadOnlyList<VarBind> VarBinds,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The SNMPv1 Trap-PDU header, for v1 traps.</summary>
    public TrapV1Fields? V1 { get; init; }

    /// <summary>SNMPv3 contextName, if any.</summary>
    public string ContextName { get; init; } = string.Empty;
}
