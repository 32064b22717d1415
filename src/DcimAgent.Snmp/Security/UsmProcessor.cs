using System.Buffers;
using System.Security.Cryptography;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// USM outgoing/incoming message processing (RFC 3414 §3.1 generateRequestMsg / §3.2 processIncomingMsg):
/// encryption of the ScopedPDU, HMAC over the whole message, verification and decryption.
/// </summary>
public static class UsmProcessor
{
    /// <summary>
    /// Encodes an SNMPv3 message. <paramref name="keys"/> null means noAuthNoPriv (discovery, or a noAuth user
    /// whose name is <paramref name="userName"/>). Returns the wire bytes.
    /// </summary>
    public static byte[] Encode(
        SnmpPdu pdu,
        int msgId,
        int maxSize,
        bool reportable,
        UsmUserKeys? keys,
        byte[] userName,
        byte[] engineId,
        int engineBoots,
        int engineTime,
        byte[] contextEngineId,
        byte[] contextName)
    {
        using var writer = new BerWriter(256 + (pdu.VarBinds.Count * 32));
        return Encode(writer, pdu, msgId, maxSize, reportable, keys, userName, engineId, engineBoots, engineTime, contextEngineId, contextName).ToArray();
    }

    /// <summary>As <see cref="Encode(SnmpPdu,int,int,bool,UsmUserKeys?,byte[],byte[],int,int,byte[],byte[])"/>, into a caller's writer.</summary>
    public static ReadOnlySpan<byte> Encode(
        BerWriter writer,
        SnmpPdu pdu,
        int msgId,
        int maxSize,
        bool reportable,
        UsmUserKeys? keys,
        byte[] userName,
        byte[] engineId,
        int engineBoots,
        int engineTime,
        byte[] contextEngineId,
        byte[] contextName)
    {
        var flags = reportable ? MsgFlags.Reportable : MsgFlags.None;
        var auth = keys?.AuthKey is not null;
        var priv = auth && keys!.PrivKey is not null;
        if (auth)
        {
            flags |= MsgFlags.Auth;
        }

        if (priv)
        {
            flags |= MsgFlags.Priv;
        }

        writer.Reset();
        SnmpMessageEncoder.EncodeScopedPdu(writer, new ScopedPdu(contextEngineId, contextName, pdu));
        var scoped = writer.WrittenSpan.ToArray();
        byte[] privParams = [];
        var msgData = scoped;
        if (priv)
        {
            privParams = new byte[UsmPrivacy.PrivParamsLength];
            msgData = UsmPrivacy.Encrypt(keys!.Credentials.Priv, keys.PrivKey, engineBoots, engineTime, scoped, privParams);
        }

        writer.Reset();
        var usm = new UsmSecurityParameters(engineId, engineBoots, engineTime, userName, [], privParams);
        var macLength = auth ? UsmHash.MacLength(keys!.Credentials.Auth) : 0;
        var offset = SnmpMessageEncoder.EncodeV3(writer, new V3Header(msgId, maxSize, flags, V3Header.UsmSecurityModel), usm, macLength, msgData, priv);
        if (auth)
        {
            // RFC 3414 §6.3.1 / §7.3.1: MAC over the whole message with the auth parameters zeroed.
            var whole = writer.WrittenSpanMutable;
            UsmHash.Mac(keys!.Credentials.Auth, keys.AuthKey, whole, whole.Slice(offset, macLength));
        }

        return writer.WrittenSpan;
    }

    /// <summary>RFC 3414 §6.3.2 / §7.3.2: true when the message's MAC is right for <paramref name="keys"/>.</summary>
    public static bool Authenticate(ReadOnlySpan<byte> data, SnmpMessage message, UsmUserKeys keys)
    {
        if (keys.AuthKey is null || message.Usm is null || message.AuthParametersOffset < 0)
        {
            return false;
        }

        var macLength = UsmHash.MacLength(keys.Credentials.Auth);
        var received = message.Usm.AuthenticationParameters;
        if (received.Length != macLength || message.AuthParametersOffset + macLength > data.Length)
        {
            return false;
        }

        var copy = ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            var span = copy.AsSpan(0, data.Length);
            data.CopyTo(span);
            span.Slice(message.AuthParametersOffset, macLength).Clear();
            Span<byte> mac = stackalloc byte[64];
            UsmHash.Mac(keys.Credentials.Auth, keys.AuthKey, span, mac);
            return CryptographicOperations.FixedTimeEquals(mac[..macLength], received);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>
    /// The ScopedPDU of a message: decrypted when it is encrypted (RFC 3414 §8.3.2, RFC 3826 §3.1.4).
    /// Throws <see cref="CryptographicException"/> (decryptionError) or <see cref="SnmpDecodeException"/>.
    /// </summary>
    public static ScopedPdu OpenScopedPdu(SnmpMessage message, UsmUserKeys? keys, BerDecodeOptions? options = null)
    {
        if (message.ScopedPdu is { } plain)
        {
            return plain;
        }

        if (message.EncryptedPdu is null || message.Usm is null)
        {
            throw new SnmpDecodeException("message has neither a ScopedPDU nor an encryptedPDU");
        }

        if (keys?.PrivKey is null)
        {
            throw new CryptographicException("encrypted message but no privacy key");
        }

        var plaintext = UsmPrivacy.Decrypt(keys.Credentials.Priv, keys.PrivKey, message.Usm.EngineBoots, message.Usm.EngineTime,
            message.Usm.PrivacyParameters, message.EncryptedPdu);
        return SnmpMessageDecoder.DecodeScopedPdu(plaintext, options);
    }
}
