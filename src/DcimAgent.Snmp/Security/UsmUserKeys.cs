namespace DcimAgent.Snmp.Security;

/// <summary>A user's keys localized to one authoritative snmpEngineID (RFC 3414 §2.6).</summary>
public sealed class UsmUserKeys
{
    public UsmUserKeys(UsmCredentials credentials, byte[] engineId, byte[]? authKey, byte[]? privKey)
    {
        Credentials = credentials;
        EngineId = engineId;
        AuthKey = authKey;
        PrivKey = privKey;
        UserName = System.Text.Encoding.UTF8.GetBytes(credentials.UserName);
    }

    public UsmCredentials Credentials { get; }

    public byte[] EngineId { get; }

    public byte[] UserName { get; }

    public byte[]? AuthKey { get; }

    public byte[]? PrivKey { get; }

    public bool Authenticates => AuthKey is not null;

    public bool Encrypts => PrivKey is not null;

    /// <summary>The same keys at authNoPriv (for authenticated but unencrypted replies and reports).</summary>
    public UsmUserKeys WithoutPrivacy() => PrivKey is null ? this : new UsmUserKeys(Credentials, EngineId, AuthKey, null);

    /// <summary>These keys restricted to <paramref name="level"/> (null for noAuthNoPriv).</summary>
    public UsmUserKeys? AtLevel(SecurityLevel level) => level switch
    {
        SecurityLevel.NoAuthNoPriv => null,
        SecurityLevel.AuthNoPriv => WithoutPrivacy(),
        _ => this,
    };

    public override string ToString() => $"UsmUserKeys {{ {Credentials.UserName} }}";
}
