using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>One field of <c>dcim_device_info</c>: a literal (<c>vendor: APC</c>) or the text of a GET.</summary>
public sealed record InfoField(string? Literal, Oid? Oid, IReadOnlyList<Oid> Alternatives)
{
    /// <summary>Every OID this field may read, first choice first.</summary>
    public IEnumerable<Oid> Oids => Oid is { } o ? [o, .. Alternatives] : Alternatives;
}
