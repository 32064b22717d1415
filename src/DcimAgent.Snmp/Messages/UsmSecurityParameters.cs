namespace DcimAgent.Snmp.Messages;

/// <summary>UsmSecurityParameters (RFC 3414 §2.4), carried BER-encoded inside msgSecurityParameters.</summary>
public sealed record UsmSecurityParameters(
    byte[] EngineId,
    int EngineBoots,
    int EngineTime,
    byte[] UserName,
    byte[] AuthenticationParameters,
    byte[] PrivacyParameters)
{
    public static UsmSecurityParameters Empty { get; } = new([], 0, 0, [], [], []);
}
