namespace DcimAgent.Snmp.Messages;

/// <summary>
/// A decoded message: v1/v2c (RFC 1157 / RFC 1901: version, community, PDU) or v3 (RFC 3412 §6: header,
/// USM security parameters, and a plaintext ScopedPDU or its encrypted form).
/// </summary>
public sealed class SnmpMessage
{
    public required SnmpVersion Version { get; init; }

    /// <summary>v1/v2c community (raw octets).</summary>
    public byte[] Community { get; init; } = [];

    /// <summary>The PDU: for v1/v2c always; for v3 when the ScopedPDU was plaintext or has been decrypted.</summary>
    public SnmpPdu? Pdu => ScopedPdu?.Pdu ?? CommunityPdu;

    public SnmpPdu? CommunityPdu { get; init; }

    public V3Header Header { get; init; }

    public UsmSecurityParameters? Usm { get; init; }

    public ScopedPdu? ScopedPdu { get; init; }

    /// <summary>encryptedPDU octets (RFC 3414 §3.1.1.1) when msgData was encrypted.</summary>
    public byte[]? EncryptedPdu { get; init; }

    /// <summary>Offset of msgAuthenticationParameters' contents in the decoded buffer; -1 if none.</summary>
    public int AuthParametersOffset { get; init; } = -1;
}
