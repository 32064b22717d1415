namespace DcimAgent.Snmp.Messages;

/// <summary>
/// A PDU (RFC 3416 §3): request-id, error-status/non-repeaters, error-index/max-repetitions and the
/// variable bindings; or an SNMPv1 Trap-PDU when <see cref="Type"/> is <see cref="PduType.TrapV1"/>.
/// </summary>
public sealed class SnmpPdu
{
    public SnmpPdu(PduType type, int requestId, int errorStatus, int errorIndex, IReadOnlyList<VarBind> varBinds)
    {
        Type = type;
        RequestId = requestId;
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
        VarBinds = varBinds;
    }

    public PduType Type { get; }

    public int RequestId { get; }

    /// <summary>error-status, or non-repeaters in a GetBulkRequest (RFC 3416 §4.2.3).</summary>
    public int ErrorStatus { get; }

    /// <summary>error-index, or max-repetitions in a GetBulkRequest.</summary>
    public int ErrorIndex { get; }

    public IReadOnlyList<VarBind> VarBinds { get; }

    /// <summary>Set only for <see cref="PduType.TrapV1"/>.</summary>
    public TrapV1Fields? TrapV1 { get; init; }

    public int NonRepeaters => ErrorStatus;

    public int MaxRepetitions => ErrorIndex;

    public static SnmpPdu Get(int requestId, IReadOnlyList<Oid> oids) => Request(PduType.GetRequest, requestId, oids);

    public static SnmpPdu GetNext(int requestId, IReadOnlyList<Oid> oids) => Request(PduType.GetNextRequest, requestId, oids);

    public static SnmpPdu GetBulk(int requestId, int nonRepeaters, int maxRepetitions, IReadOnlyList<Oid> oids)
    {
        var vbs = new VarBind[oids.Count];
        for (var i = 0; i < vbs.Length; i++)
        {
            vbs[i] = new VarBind(oids[i], SnmpValue.Null);
        }

        return new SnmpPdu(PduType.GetBulkRequest, requestId, nonRepeaters, maxRepetitions, vbs);
    }

    private static SnmpPdu Request(PduType type, int requestId, IReadOnlyList<Oid> oids)
    {
        var vbs = new VarBind[oids.Count];
        for (var i = 0; i < vbs.Length; i++)
        {
            vbs[i] = new VarBind(oids[i], SnmpValue.Null);
        }

        return new SnmpPdu(type, requestId, 0, 0, vbs);
    }

    public SnmpErrorStatus Status => (SnmpErrorStatus)ErrorStatus;
}
