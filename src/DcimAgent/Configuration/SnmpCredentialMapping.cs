using DcimAgent.Snmp.Cli;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Configuration;

/// <summary>Config credentials → the SNMP library's types (protocol names as net-snmp spells them).</summary>
public static class SnmpCredentialMapping
{
    public static SnmpVersion Version(SnmpCredential c) => SnmpCliOptions.ParseVersion(c.Version);

    /// <summary>The USM user of a v3 credential (null for v1/v2c).</summary>
    public static UsmCredentials? User(SnmpCredential c)
    {
        if (c.Version != "3")
        {
            return null;
        }

        var level = c.SecurityLevel is { } l ? SnmpCliOptions.ParseLevel(l)
            : c.PrivProtocol is not null ? SecurityLevel.AuthPriv
            : c.AuthProtocol is not null ? SecurityLevel.AuthNoPriv
            : SecurityLevel.NoAuthNoPriv;
        return new UsmCredentials(
            c.Username ?? string.Empty,
            level,
            level >= SecurityLevel.AuthNoPriv && c.AuthProtocol is { } a ? SnmpCliOptions.ParseAuth(a) : AuthProtocol.None,
            level >= SecurityLevel.AuthNoPriv ? c.AuthPassword : null,
            level == SecurityLevel.AuthPriv && c.PrivProtocol is { } p ? SnmpCliOptions.ParsePriv(p) : PrivProtocol.None,
            level == SecurityLevel.AuthPriv ? c.PrivPassword : null);
    }
}
