using System.Buffers;
using System.Buffers.Binary;

namespace DcimAgent.Snmp.Ber;

/// <summary>
/// Strict BER writer (X.690 §8 with DER-style minimal lengths and integers, definite form only as RFC 3417 §8
/// requires). Constructed TLVs are opened with <see cref="PushSequence"/> and closed with
/// <see cref="PopSequence"/>; the length is patched in place. The buffer is rented from
/// <see cref="ArrayPool{T}"/> and returned on <see cref="Dispose"/>.
/// </summary>
public sealed class BerWriter : IDisposable
{
    private const int MaxDepth = 16;
    private readonly int[] _open = new int[MaxDepth];
    private byte[] _buffer;
    private int _length;
    private int _depth;
    private int _marker = -1;

    public BerWriter(int initialCapacity = 512)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64, initialCapacity));
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Writable view for patching (e.g. HMAC placeholder), valid until the next write.</summary>
    internal Span<byte> WrittenSpanMutable => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Offset of the last placeholder written, kept right while enclosing lengths grow.</summary>
    public int Marker => _marker;

    public void Reset()
    {
        _length = 0;
        _depth = 0;
        _marker = -1;
    }

    public void Dispose()
    {
        var b = _buffer;
        _buffer = [];
        if (b.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(b);
        }
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    /// <summary>Opens a constructed TLV (SEQUENCE 0x30 or a context-specific PDU tag).</summary>
    public void PushSequence(byte tag = BerTag.Sequence)
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException("BER nesting too deep");
        }

        _open[_depth++] = _length;
        var s = Grow(2);
        s[0] = tag;
        s[1] = 0;
    }

    /// <summary>Closes the innermost constructed TLV, writing its minimal definite length (X.690 §8.1.3).</summary>
    public void PopSequence()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("no open sequence");
        }

        var start = _open[--_depth];
        var contentStart = start + 2;
        var contentLength = _length - contentStart;
        if (contentLength < 0x80)
        {
            _buffer[start + 1] = (byte)contentLength;
            return;
        }

        var extra = LengthOfLength(contentLength) - 1;
        Grow(extra);
        _buffer.AsSpan(contentStart, contentLength).CopyTo(_buffer.AsSpan(contentStart + extra));
        if (_marker >= contentStart)
        {
            _marker += extra;
        }

        WriteLengthTo(_buffer.AsSpan(start + 1), contentLength);
    }

    private static int LengthOfLength(int length) =>
        length < 0x80 ? 1 : length <= 0xff ? 2 : length <= 0xffff ? 3 : length <= 0xffffff ? 4 : 5;

    private static void WriteLengthTo(Span<byte> dest, int length)
    {
        var n = LengthOfLength(length);
        if (n == 1)
        {
            dest[0] = (byte)length;
            return;
        }

        dest[0] = (byte)(0x80 | (n - 1));
        for (var i = n - 1; i >= 1; i--)
        {
            dest[i] = (byte)length;
            length >>= 8;
        }
    }

    private Span<byte> WriteHeader(byte tag, int contentLength)
    {
        var n = LengthOfLength(contentLength);
        var s = Grow(1 + n + contentLength);
        s[0] = tag;
        WriteLengthTo(s[1..], contentLength);
        return s[(1 + n)..];
    }

    /// <summary>INTEGER in the fewest octets (X.690 §8.3.2).</summary>
    public void WriteInteger(long value, byte tag = BerTag.Integer)
    {
        var n = 8;
        while (n > 1)
        {
            var top = (byte)(value >> ((n - 1) * 8));
            var next = (byte)(value >> ((n - 2) * 8));
            if ((top == 0x00 && (next & 0x80) == 0) || (top == 0xff && (next & 0x80) != 0))
            {
                n--;
            }
            else
            {
                break;
            }
        }

        var c = WriteHeader(tag, n);
        for (var i = 0; i < n; i++)
        {
            c[i] = (byte)(value >> ((n - 1 - i) * 8));
        }
    }

    /// <summary>Unsigned application types: non-negative INTEGER encoding, a 0x00 octet when the top bit is set.</summary>
    public void WriteUnsigned(ulong value, byte tag)
    {
        var n = 1;
        while (n < 8 && (value >> (n * 8)) != 0)
        {
            n++;
        }

        var pad = ((value >> ((n - 1) * 8)) & 0x80) != 0 ? 1 : 0;
        var c = WriteHeader(tag, n + pad);
        if (pad == 1)
        {
            c[0] = 0;
        }

        for (var i = 0; i < n; i++)
        {
            c[pad + i] = (byte)(value >> ((n - 1 - i) * 8));
        }
    }

    public void WriteOctetString(ReadOnlySpan<byte> value, byte tag = BerTag.OctetString) =>
        value.CopyTo(WriteHeader(tag, value.Length));

    /// <summary>Writes <paramref name="length"/> zero octets as an OCTET STRING and returns their offset.</summary>
    public int WriteOctetStringPlaceholder(int length)
    {
        var c = WriteHeader(BerTag.OctetString, length);
        c.Clear();
        _marker = _length - length;
        return _marker;
    }

    public void WriteNull(byte tag = BerTag.Null) => WriteHeader(tag, 0);

    /// <summary>Copies already-encoded TLV bytes (e.g. a ScopedPDU) verbatim.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> tlv) => tlv.CopyTo(Grow(tlv.Length));

    /// <summary>OBJECT IDENTIFIER (X.690 §8.19). Needs at least two arcs, first 0..2, second &lt; 40 unless first is 2.</summary>
    public void WriteOid(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40))
        {
            throw new ArgumentException("an OID needs at least two arcs, the first 0..2 (X.690 §8.19.4)", nameof(arcs));
        }

        var first = (ulong)arcs[0] * 40 + arcs[1];
        var len = SubIdLength(first);
        for (var i = 2; i < arcs.Length; i++)
        {
            len += SubIdLength(arcs[i]);
        }

        var c = WriteHeader(BerTag.ObjectIdentifier, len);
        var p = WriteSubId(c, first);
        for (var i = 2; i < arcs.Length; i++)
        {
            p += WriteSubId(c[p..], arcs[i]);
        }
    }

    private static int SubIdLength(ulong v)
    {
        var n = 1;
        while ((v >>= 7) != 0)
        {
            n++;
        }

        return n;
    }

    private static int WriteSubId(Span<byte> dest, ulong v)
    {
        var n = SubIdLength(v);
        for (var i = n - 1; i >= 0; i--)
        {
            dest[i] = (byte)((v & 0x7f) | (i == n - 1 ? 0u : 0x80u));
            v >>= 7;
        }

        return n;
    }

    /// <summary>Any SNMP value, with the tag its type implies (RFC 2578 §7.1, RFC 3416 §3).</summary>
    public void WriteValue(SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpType.Integer32:
                WriteInteger(value.AsInt64());
                break;
            case SnmpType.OctetString:
                WriteOctetString(value.AsBytes());
                break;
            case SnmpType.Null:
                WriteNull();
                break;
            case SnmpType.ObjectIdentifier:
                WriteOid(value.Reference as uint[]);
                break;
            case SnmpType.IpAddress:
                WriteOctetString(value.AsBytes(), BerTag.IpAddress);
                break;
            case SnmpType.Counter32:
            case SnmpType.Gauge32:
            case SnmpType.TimeTicks:
                WriteUnsigned(value.AsUInt64() & 0xffff_ffff, (byte)value.Type);
                break;
            case SnmpType.Counter64:
                WriteUnsigned(value.AsUInt64(), BerTag.Counter64);
                break;
            case SnmpType.Opaque:
                WriteOctetString(value.AsBytes(), BerTag.Opaque);
                break;
            case SnmpType.OpaqueFloat:
                {
                    var c = WriteHeader(BerTag.Opaque, 7);
                    c[0] = BerTag.OpaqueSpecialPrefix;
                    c[1] = BerTag.OpaqueFloatTag;
                    c[2] = 4;
                    BinaryPrimitives.WriteSingleBigEndian(c[3..], (float)value.Real);
                    break;
                }

            case SnmpType.OpaqueDouble:
                {
                    var c = WriteHeader(BerTag.Opaque, 11);
                    c[0] = BerTag.OpaqueSpecialPrefix;
                    c[1] = BerTag.OpaqueDoubleTag;
                    c[2] = 8;
                    BinaryPrimitives.WriteDoubleBigEndian(c[3..], value.Real);
                    break;
                }

            case SnmpType.NoSuchObject:
            case SnmpType.NoSuchInstance:
            case SnmpType.EndOfMibView:
                WriteNull((byte)value.Type);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Type, "unknown SNMP type");
        }
    }

    public void WriteVarBind(in VarBind varBind)
    {
        PushSequence();
        WriteOid(varBind.Oid.Arcs);
        WriteValue(varBind.Value);
        PopSequence();
    }

    public void WriteVarBindList(IReadOnlyList<VarBind> varBinds)
    {
        PushSequence();
        for (var i = 0; i < varBinds.Count; i++)
        {
            WriteVarBind(varBinds[i]);
        }

        PopSequence();
    }
}
