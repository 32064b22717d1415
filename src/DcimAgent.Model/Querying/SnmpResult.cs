using DcimAgent.Snmp;

namespace DcimAgent.Model.Querying;

/// <summary>The bindings an exchange returned, or why it failed (then <see cref="VarBinds"/> holds what arrived before).</summary>
public readonly record struct SnmpResult(IReadOnlyList<VarBind> VarBinds, SnmpErrorKind Error = SnmpErrorKind.None, string? Detail = null)
{
    public bool Ok => Error == SnmpErrorKind.None;

    public static SnmpResult Failed(SnmpErrorKind error, string detail) => new([], error, detail);
}
