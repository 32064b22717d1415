using System.Buffers;
using System.Text;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// Password to key and key localisation (RFC 3414 §2.6 and appendix A.2; RFC 7860 §9.3 applies the same
/// algorithm with SHA-2), plus the AES-192/256 key extensions.
/// </summary>
public static class KeyLocalization
{
    private const int ExpandedLength = 1_048_576;

    /// <summary>Ku: hash of the password repeated to 1 MiB (RFC 3414 A.2.1/A.2.2).</summary>
    public static byte[] PasswordToKey(AuthProtocol protocol, ReadOnlySpan<byte> password)
    {
        if (password.IsEmpty)
        {
            throw new ArgumentException("empty USM password", nameof(password));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ExpandedLength);
        try
        {
            var span = buffer.AsSpan(0, ExpandedLength);
            var filled = 0;
            while (filled < ExpandedLength)
            {
                var n = Math.Min(password.Length, ExpandedLength - filled);
                password[..n].CopyTo(span[filled..]);
                filled += n;
            }

            return UsmHash.Hash(protocol, span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] PasswordToKey(AuthProtocol protocol, string password) =>
        PasswordToKey(protocol, Encoding.UTF8.GetBytes(password));

    /// <summary>Kul = H(Ku || snmpEngineID || Ku) (RFC 3414 §2.6, A.2).</summary>
    public static byte[] Localize(AuthProtocol protocol, ReadOnlySpan<byte> ku, ReadOnlySpan<byte> engineId)
    {
        var buf = new byte[ku.Length * 2 + engineId.Length];
        ku.CopyTo(buf);
        engineId.CopyTo(buf.AsSpan(ku.Length));
        ku.CopyTo(buf.AsSpan(ku.Length + engineId.Length));
        return UsmHash.Hash(protocol, buf);
    }

    public static byte[] LocalizedKey(AuthProtocol protocol, string password, ReadOnlySpan<byte> engineId) =>
        Localize(protocol, PasswordToKey(protocol, password), engineId);

    /// <summary>Number of key octets each privacy protocol uses (DES: 8 key + 8 pre-IV).</summary>
    public static int PrivKeyLength(PrivProtocol protocol) => protocol switch
    {
        PrivProtocol.Des => 16,
        PrivProtocol.Aes128 => 16,
        PrivProtocol.Aes192 or PrivProtocol.Aes192C => 24,
        PrivProtocol.Aes256 or PrivProtocol.Aes256C => 32,
        _ => 0,
    };

    /// <summary>
    /// The privacy key for <paramref name="priv"/>: the priv password localized with the auth hash, extended when
    /// the hash is shorter than the cipher needs.
    /// Blumenthal (draft-blumenthal-aes-usm-04 §3.1.2.1): Kul' = Kul || H(Kul) || H(Kul || H(Kul)) ...
    /// Reeder (draft-reeder-snmpv3-usm-3desede-00 §2.1): K2 = Localize(PasswordToKey(K1), engineID), Kul' = K1 || K2 ...
    /// </summary>
    public static byte[] PrivacyKey(AuthProtocol auth, PrivProtocol priv, string privPassword, ReadOnlySpan<byte> engineId) =>
        ExtendPrivacyKey(auth, priv, LocalizedKey(auth, privPassword, engineId), engineId);

    /// <summary>Extends an already localized priv key as <see cref="PrivacyKey"/> describes.</summary>
    public static byte[] ExtendPrivacyKey(AuthProtocol auth, PrivProtocol priv, byte[] localized, ReadOnlySpan<byte> engineId)
    {
        var need = PrivKeyLength(priv);
        var key = localized;
        while (key.Length < need)
        {
            byte[] more = priv switch
            {
                PrivProtocol.Aes192C or PrivProtocol.Aes256C =>
                    Localize(auth, PasswordToKey(auth, key.AsSpan(key.Length - localized.Length)), engineId),
                _ => UsmHash.Hash(auth, key),
            };
            key = [.. key, .. more];
        }

        return key.Length == need ? key : key.AsSpan(0, need).ToArray();
    }
}
