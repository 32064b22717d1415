using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Client;

/// <summary>An expected failure, as a value.</summary>
public sealed record SnmpError(SnmpErrorKind Kind, string Message)
{
    /// <summary>error-status when the agent answered with one.</summary>
    public SnmpErrorStatus? ErrorStatus { get; init; }

    public int ErrorIndex { get; init; }

    /// <summary>The usmStats/snmpUnknown OID of a Report, when that is what failed.</summary>
    public Oid? ReportOid { get; init; }

    /// <summary>For walks: what had been collected before the failure.</summary>
    public IReadOnlyList<VarBind>? PartialResults { get; init; }

    public override string ToString() => $"{Kind}: {Message}";
}
