using System.Buffers.Binary;
using System.Numerics;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3: SHA-256 with other initial values, truncated to 224 bits). .NET has no SHA-224,
/// and RFC 7860 usmHMAC128SHA224AuthProtocol needs it.
/// </summary>
internal static class Sha224
{
    public const int HashSize = 28;
    public const int BlockSize = 64;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        Span<uint> h = stackalloc uint[8];
        h[0] = 0xc1059ed8;
        h[1] = 0x367cd507;
        h[2] = 0x3070dd17;
        h[3] = 0xf70e5939;
        h[4] = 0xffc00b31;
        h[5] = 0x68581511;
        h[6] = 0x64f98fa7;
        h[7] = 0xbefa4fa4;
        Span<uint> w = stackalloc uint[64];
        var full = data.Length / BlockSize;
        for (var i = 0; i < full; i++)
        {
            Compress(h, w, data.Slice(i * BlockSize, BlockSize));
        }

        // Padding: 0x80, zeros, 64-bit big-endian bit length (FIPS 180-4 §5.1.1).
        Span<byte> tail = stackalloc byte[BlockSize * 2];
        tail.Clear();
        var rest = data[(full * BlockSize)..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLen = rest.Length + 9 <= BlockSize ? BlockSize : BlockSize * 2;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLen - 8)..], (ulong)data.Length * 8);
        for (var off = 0; off < tailLen; off += BlockSize)
        {
            Compress(h, w, tail.Slice(off, BlockSize));
        }

        var result = new byte[HashSize];
        for (var i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(i * 4), h[i]);
        }

        return result;
    }

    /// <summary>HMAC-SHA-224 (RFC 2104).</summary>
    public static byte[] Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        Span<byte> k = stackalloc byte[BlockSize];
        k.Clear();
        if (key.Length > BlockSize)
        {
            HashData(key).CopyTo(k);
        }
        else
        {
            key.CopyTo(k);
        }

        var inner = new byte[BlockSize + data.Length];
        for (var i = 0; i < BlockSize; i++)
        {
            inner[i] = (byte)(k[i] ^ 0x36);
        }

        data.CopyTo(inner.AsSpan(BlockSize));
        var innerHash = HashData(inner);
        Span<byte> outer = stackalloc byte[BlockSize + HashSize];
        for (var i = 0; i < BlockSize; i++)
        {
            outer[i] = (byte)(k[i] ^ 0x5c);
        }

        innerHash.CopyTo(outer[BlockSize..]);
        return HashData(outer);
    }

    private static void Compress(Span<uint> h, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (var t = 0; t < 64; t++)
        {
            var s1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var ch = (e & f) ^ (~e & g);
            var t1 = hh + s1 + ch + K[t] + w[t];
            var s0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var maj = (a & b) ^ (a & c) ^ (b & c);
            var t2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
