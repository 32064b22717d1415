namespace DcimAgent.Snmp.Security;

/// <summary>snmpSecurityLevel (RFC 3411 §5).</summary>
public enum SecurityLevel
{
    NoAuthNoPriv = 1,
    AuthNoPriv = 2,
    AuthPriv = 3,
}
