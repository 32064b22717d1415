using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// scopedPDU encryption: CBC-DES (RFC 3414 §8.1.1) and CFB128-AES (RFC 3826 §3.1.2; the same with 192/256-bit
/// keys for the extended variants). Salts come from a per-process counter with a random start.
/// </summary>
public static class UsmPrivacy
{
    public const int PrivParamsLength = 8;

    private static long s_salt = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Encrypts <paramref name="plaintext"/>; writes msgPrivacyParameters (the salt) into <paramref name="privParams"/>.
    /// <paramref name="boots"/>/<paramref name="time"/> are the authoritative engine's values sent in the message.
    /// </summary>
    public static byte[] Encrypt(PrivProtocol protocol, ReadOnlySpan<byte> key, int boots, int time, ReadOnlySpan<byte> plaintext, Span<byte> privParams)
    {
        var salt = Interlocked.Increment(ref s_salt);
        if (protocol == PrivProtocol.Des)
        {
            // RFC 3414 §8.1.1.1: salt = snmpEngineBoots || local 32-bit integer; IV = pre-IV XOR salt.
            BinaryPrimitives.WriteInt32BigEndian(privParams, boots);
            BinaryPrimitives.WriteInt32BigEndian(privParams[4..], (int)salt);
            Span<byte> iv = stackalloc byte[8];
            for (var i = 0; i < 8; i++)
            {
                iv[i] = (byte)(key[8 + i] ^ privParams[i]);
            }

            using var des = DES.Create();
            des.Key = key[..8].ToArray();

            // §8.1.1.2: pad to a multiple of 8; the padding value is irrelevant (the BER length delimits).
            var padded = (plaintext.Length + 7) / 8 * 8;
            var input = new byte[padded];
            plaintext.CopyTo(input);
            return des.EncryptCbc(input, iv, PaddingMode.None);
        }

        // RFC 3826 §3.1.2.1: IV = boots (4) || time (4) || salt (8); privParams = salt.
        BinaryPrimitives.WriteInt64BigEndian(privParams, salt);
        return AesCfb(key, boots, time, privParams, plaintext, encrypt: true);
    }

    /// <summary>Decrypts; throws <see cref="CryptographicException"/> on a malformed ciphertext (a decryptionError).</summary>
    public static byte[] Decrypt(PrivProtocol protocol, ReadOnlySpan<byte> key, int boots, int time, ReadOnlySpan<byte> privParams, ReadOnlySpan<byte> ciphertext)
    {
        if (privParams.Length != PrivParamsLength)
        {
            throw new CryptographicException("msgPrivacyParameters must be 8 octets");
        }

        if (protocol == PrivProtocol.Des)
        {
            if (ciphertext.Length % 8 != 0 || ciphertext.IsEmpty)
            {
                // RFC 3414 §8.3.2 step 2.
                throw new CryptographicException("DES ciphertext is not a multiple of 8 octets");
            }

            Span<byte> iv = stackalloc byte[8];
            for (var i = 0; i < 8; i++)
            {
                iv[i] = (byte)(key[8 + i] ^ privParams[i]);
            }

            using var des = DES.Create();
            des.Key = key[..8].ToArray();
            return des.DecryptCbc(ciphertext, iv, PaddingMode.None);
        }

        return AesCfb(key, boots, time, privParams, ciphertext, encrypt: false);
    }

    /// <summary>
    /// AES in CFB mode with 128-bit segments. .NET's CFB needs whole blocks with PaddingMode.None, so the input is
    /// zero-extended to a block multiple and the output truncated: CFB is a stream mode, the prefix is exact.
    /// </summary>
    private static byte[] AesCfb(ReadOnlySpan<byte> key, int boots, int time, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> input, bool encrypt)
    {
        Span<byte> iv = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, boots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], time);
        salt.CopyTo(iv[8..]);
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var full = (input.Length + 15) / 16 * 16;
        var output = new byte[full];
        if (full == input.Length)
        {
            if (encrypt)
            {
                aes.EncryptCfb(input, iv, output, PaddingMode.None, 128);
            }
            else
            {
                aes.DecryptCfb(input, iv, output, PaddingMode.None, 128);
            }

            return output;
        }

        var padded = new byte[full];
        input.CopyTo(padded);
        if (encrypt)
        {
            aes.EncryptCfb(padded, iv, output, PaddingMode.None, 128);
        }
        else
        {
            aes.DecryptCfb(padded, iv, output, PaddingMode.None, 128);
        }

        return output.AsSpan(0, input.Length).ToArray();
    }
}
