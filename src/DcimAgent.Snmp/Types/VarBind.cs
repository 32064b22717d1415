namespace DcimAgent.Snmp;

/// <summary>A variable binding: an OID and its value (RFC 3416 §3, VarBind).</summary>
public readonly record struct VarBind(Oid Oid, SnmpValue Value);
