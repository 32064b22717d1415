namespace DcimAgent.Snmp.Messages;

/// <summary>
/// PDU tags (RFC 3416 §3, context-specific constructed). SetRequest (0xa3) is deliberately absent: this
/// library is read-only and treats a SET as an unsupported PDU.
/// </summary>
public enum PduType : byte
{
    GetRequest = 0xa0,
    GetNextRequest = 0xa1,
    Response = 0xa2,

    /// <summary>SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
    TrapV1 = 0xa4,
    GetBulkRequest = 0xa5,
    InformRequest = 0xa6,
    TrapV2 = 0xa7,
    Report = 0xa8,
}
