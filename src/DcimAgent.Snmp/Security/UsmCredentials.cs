namespace DcimAgent.Snmp.Security;

/// <summary>An SNMPv3 USM user as configured: name, level, protocols and passwords (never logged).</summary>
public sealed record UsmCredentials(
    string UserName,
    SecurityLevel Level,
    AuthProtocol Auth = AuthProtocol.None,
    string? AuthPassword = null,
    PrivProtocol Priv = PrivProtocol.None,
    string? PrivPassword = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> for combinations USM cannot use.</summary>
    public void Validate()
    {
        if (UserName.Length > 32)
        {
            throw new ArgumentException("USM user names are at most 32 octets (RFC 3414 §2.4)");
        }

        if (Level >= SecurityLevel.AuthNoPriv && (Auth == AuthProtocol.None || string.IsNullOrEmpty(AuthPassword)))
        {
            throw new ArgumentException($"user '{UserName}': level {Level} needs an auth protocol and password");
        }

        if (Level == SecurityLevel.AuthPriv && (Priv == PrivProtocol.None || string.IsNullOrEmpty(PrivPassword)))
        {
            throw new ArgumentException($"user '{UserName}': authPriv needs a privacy protocol and password");
        }
    }

    /// <summary>Passwords are redacted.</summary>
    public override string ToString() => $"UsmCredentials {{ UserName = {UserName}, Level = {Level}, Auth = {Auth}, Priv = {Priv} }}";
}
