using System.Security.Cryptography;

namespace DcimAgent.Snmp.Security;

/// <summary>Hash and HMAC primitives per <see cref="AuthProtocol"/> (RFC 3414 §6/§7, RFC 7860 §4).</summary>
public static class UsmHash
{
    /// <summary>Digest length of the hash function (= localized key length).</summary>
    public static int KeyLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => 16,
        AuthProtocol.Sha1 => 20,
        AuthProtocol.Sha224 => 28,
        AuthProtocol.Sha256 => 32,
        AuthProtocol.Sha384 => 48,
        AuthProtocol.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash"),
    };

    /// <summary>Length of msgAuthenticationParameters: 12 (RFC 3414), 16/24/32/48 (RFC 7860 §4.2.1).</summary>
    public static int MacLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 or AuthProtocol.Sha1 => 12,
        AuthProtocol.Sha224 => 16,
        AuthProtocol.Sha256 => 24,
        AuthProtocol.Sha384 => 32,
        AuthProtocol.Sha512 => 48,
        _ => 0,
    };

    public static byte[] Hash(AuthProtocol protocol, ReadOnlySpan<byte> data) => protocol switch
    {
        AuthProtocol.Md5 => MD5.HashData(data),
        AuthProtocol.Sha1 => SHA1.HashData(data),
        AuthProtocol.Sha224 => Sha224.HashData(data),
        AuthProtocol.Sha256 => SHA256.HashData(data),
        AuthProtocol.Sha384 => SHA384.HashData(data),
        AuthProtocol.Sha512 => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash"),
    };

    /// <summary>Full-length HMAC with the localized key.</summary>
    public static byte[] Hmac(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => protocol switch
    {
        AuthProtocol.Md5 => HMACMD5.HashData(key, data),
        AuthProtocol.Sha1 => HMACSHA1.HashData(key, data),
        AuthProtocol.Sha224 => Sha224.Hmac(key, data),
        AuthProtocol.Sha256 => HMACSHA256.HashData(key, data),
        AuthProtocol.Sha384 => HMACSHA384.HashData(key, data),
        AuthProtocol.Sha512 => HMACSHA512.HashData(key, data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash"),
    };

    /// <summary>Writes the truncated HMAC into <paramref name="destination"/> (MacLength bytes).</summary>
    public static void Mac(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var n = MacLength(protocol);
        if (protocol is AuthProtocol.Sha256 or AuthProtocol.Sha1 or AuthProtocol.Md5)
        {
            Span<byte> full = stackalloc byte[32];
            var written = protocol switch
            {
                AuthProtocol.Sha256 => HMACSHA256.HashData(key, data, full),
                AuthProtocol.Sha1 => HMACSHA1.HashData(key, data, full),
                _ => HMACMD5.HashData(key, data, full),
            };
            full[..Math.Min(n, written)].CopyTo(destination);
            return;
        }

        Hmac(protocol, key, data).AsSpan(0, n).CopyTo(destination);
    }
}
