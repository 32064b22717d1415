using System.Buffers.Binary;

namespace DcimAgent.Snmp.Ber;

/// <summary>
/// Forward-only BER reader over a span (X.690 §8, definite lengths only as RFC 3417 §8 requires).
/// Every malformed input raises <see cref="SnmpDecodeException"/>; nothing reads outside the span and no
/// allocation is larger than the input.
/// </summary>
public ref partial struct BerReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _base;
    private readonly int _depth;
    private int _pos;

    public BerReader(ReadOnlySpan<byte> data, BerDecodeOptions? options = null)
        : this(data, 0, 0, options ?? BerDecodeOptions.Strict)
    {
    }

    private BerReader(ReadOnlySpan<byte> data, int baseOffset, int depth, BerDecodeOptions options)
    {
        _data = data;
        _base = baseOffset;
        _depth = depth;
        _pos = 0;
        Options = options;
    }

    public BerDecodeOptions Options { get; }

    /// <summary>Offset of the next byte relative to the start of the outermost buffer.</summary>
    public readonly int AbsolutePosition => _base + _pos;

    public readonly bool HasMore => _pos < _data.Length;

    public readonly int Remaining => _data.Length - _pos;

    /// <summary>The identifier octet of the next TLV without consuming it.</summary>
    public readonly byte PeekTag()
    {
        if (_pos >= _data.Length)
        {
            throw SnmpDecodeException.At(AbsolutePosition, "unexpected end of data, expected a tag");
        }

        return _data[_pos];
    }

    /// <summary>Throws unless everything was consumed (trailing bytes inside a TLV are malformed).</summary>
    public readonly void ThrowIfNotEnd()
    {
        if (_pos != _data.Length)
        {
            throw SnmpDecodeException.At(AbsolutePosition, $"{_data.Length - _pos} unexpected trailing bytes");
        }
    }

    /// <summary>Reads one TLV with a single-octet identifier; returns the contents and the tag.</summary>
    public ReadOnlySpan<byte> ReadTlv(out byte tag, out int contentOffset)
    {
        var start = _pos;
        tag = PeekTag();
        if ((tag & 0x1f) == 0x1f)
        {
            // X.690 §8.1.2.4 high-tag-number form: SNMP never uses it outside Opaque contents.
            throw SnmpDecodeException.At(_base + start, $"unsupported multi-octet tag 0x{tag:x2}");
        }

        _pos++;
        int length;
        if (_pos < _data.Length && _data[_pos] < 0x80 && _data[_pos] < _data.Length - _pos)
        {
            // Short-form length that fits: nearly every TLV of an SNMP message; skips ReadLength's branches.
            length = _data[_pos++];
        }
        else
        {
            length = ReadLength();
        }

        contentOffset = _base + _pos;
        var content = _data.Slice(_pos, length);
        _pos += length;
        return content;
    }

    /// <summary>Reads a TLV and checks its identifier.</summary>
    public ReadOnlySpan<byte> ReadContent(byte expectedTag)
    {
        var at = AbsolutePosition;
        var content = ReadTlv(out var tag, out _);
        if (tag != expectedTag)
        {
            throw SnmpDecodeException.At(at, $"expected tag 0x{expectedTag:x2}, found 0x{tag:x2}");
        }

        return content;
    }

    /// <summary>Enters a constructed TLV (SEQUENCE or a PDU) and returns a reader over its contents.</summary>
    public BerReader ReadConstructed(byte expectedTag)
    {
        var at = AbsolutePosition;
        var content = ReadTlv(out var tag, out var contentOffset);
        if (tag != expectedTag)
        {
            throw SnmpDecodeException.At(at, $"expected tag 0x{expectedTag:x2}, found 0x{tag:x2}");
        }

        if (_depth + 1 > Options.MaxDepth)
        {
            throw SnmpDecodeException.At(at, "nesting too deep");
        }

        return new BerReader(content, contentOffset, _depth + 1, Options);
    }

    public BerReader ReadSequence() => ReadConstructed(BerTag.Sequence);

    /// <summary>Reads an OCTET STRING whose contents are themselves BER (RFC 3412 msgSecurityParameters).</summary>
    public BerReader ReadEncapsulated(byte tag = BerTag.OctetString)
    {
        var content = ReadTlv(out var found, out var contentOffset);
        if (found != tag)
        {
            throw SnmpDecodeException.At(contentOffset, $"expected tag 0x{tag:x2}, found 0x{found:x2}");
        }

        return new BerReader(content, contentOffset, _depth + 1, Options);
    }

    /// <summary>X.690 §8.1.3: short form, or long form with at most 4 length octets; indefinite form rejected.</summary>
    private int ReadLength()
    {
        if (_pos >= _data.Length)
        {
            throw SnmpDecodeException.At(AbsolutePosition, "unexpected end of data, expected a length");
        }

        int first = _data[_pos++];
        int length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            throw SnmpDecodeException.At(AbsolutePosition - 1, "indefinite length is not allowed (RFC 3417 §8)");
        }
        else
        {
            var count = first & 0x7f;
            if (count > 4 || _pos + count > _data.Length)
            {
                throw SnmpDecodeException.At(AbsolutePosition - 1, "bad long-form length");
            }

            uint value = 0;
            for (var i = 0; i < count; i++)
            {
                value = (value << 8) | _data[_pos++];
            }

            if (value > int.MaxValue)
            {
                throw SnmpDecodeException.At(AbsolutePosition - count - 1, "length too large");
            }

            length = (int)value;
            var minimal = length < 0x80 ? 0 : length <= 0xff ? 1 : length <= 0xffff ? 2 : length <= 0xffffff ? 3 : 4;
            if (count != minimal && !Options.AllowNonMinimalLengths)
            {
                throw SnmpDecodeException.At(AbsolutePosition - count - 1, "non-minimal length encoding");
            }
        }

        if (length > _data.Length - _pos)
        {
            throw SnmpDecodeException.At(AbsolutePosition, $"length {length} exceeds the {_data.Length - _pos} bytes left");
        }

        return length;
    }

    public void ReadNull(byte tag = BerTag.Null)
    {
        var at = AbsolutePosition;
        if (!ReadContent(tag).IsEmpty)
        {
            throw SnmpDecodeException.At(at, "NULL with contents");
        }
    }

    public ReadOnlySpan<byte> ReadOctetString(byte tag = BerTag.OctetString) => ReadContent(tag);

    /// <summary>INTEGER (X.690 §8.3) that must fit Integer32.</summary>
    public int ReadInt32(byte tag = BerTag.Integer)
    {
        var at = AbsolutePosition;
        var value = ReadSigned(ReadContent(tag), at);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw SnmpDecodeException.At(at, "INTEGER out of Integer32 range");
        }

        return (int)value;
    }

    /// <summary>Unsigned32-valued application types (Counter32, Gauge32, TimeTicks; RFC 2578 §7.1).</summary>
    public uint ReadUInt32(byte tag)
    {
        var at = AbsolutePosition;
        var content = ReadContent(tag);
        return (uint)ReadUnsigned(content, at, 4);
    }

    /// <summary>Counter64 (RFC 2578 §7.1.10).</summary>
    public ulong ReadUInt64(byte tag = BerTag.Counter64)
    {
        var at = AbsolutePosition;
        return ReadUnsigned(ReadContent(tag), at, 8);
    }

    private readonly long ReadSigned(ReadOnlySpan<byte> c, int at)
    {
        if (c.IsEmpty)
        {
            throw SnmpDecodeException.At(at, "INTEGER with no contents (X.690 §8.3.1)");
        }

        if (c.Length == 1)
        {
            return (sbyte)c[0];
        }

        if (c.Length > 1 && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)))
        {
            if (!Options.AllowNonMinimalIntegers)
            {
                throw SnmpDecodeException.At(at, "non-minimal INTEGER (X.690 §8.3.2)");
            }

            // Strip redundant sign octets, keeping one.
            while (c.Length > 1 && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)))
            {
                c = c[1..];
            }
        }

        if (c.Length > 8)
        {
            throw SnmpDecodeException.At(at, "INTEGER too large");
        }

        long value = (sbyte)c[0];
        for (var i = 1; i < c.Length; i++)
        {
            value = (value << 8) | c[i];
        }

        return value;
    }

    private readonly ulong ReadUnsigned(ReadOnlySpan<byte> c, int at, int size)
    {
        if (c.IsEmpty)
        {
            throw SnmpDecodeException.At(at, "unsigned value with no contents");
        }

        var negative = (c[0] & 0x80) != 0;
        if (negative && !Options.AllowNegativeUnsigned)
        {
            throw SnmpDecodeException.At(at, "negative value in an unsigned type");
        }

        if (c.Length > 1 && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)))
        {
            if (!Options.AllowNonMinimalIntegers)
            {
                throw SnmpDecodeException.At(at, "non-minimal unsigned encoding (X.690 §8.3.2)");
            }

            while (c.Length > 1 && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)))
            {
                c = c[1..];
            }
        }

        // One extra leading 0x00 octet is needed for values with the top bit set.
        if (c.Length > size + 1 || (c.Length == size + 1 && c[0] != 0x00))
        {
            throw SnmpDecodeException.At(at, "unsigned value out of range");
        }

        ulong value = negative ? ulong.MaxValue : 0;
        foreach (var b in c)
        {
            value = (value << 8) | b;
        }

        return size == 4 ? value & 0xffff_ffff : value;
    }

    /// <summary>Reads an IEEE float/double carried as big-endian octets (net-snmp Opaque specials).</summary>
    internal static double ReadIeee(ReadOnlySpan<byte> c, int size, int at) => size switch
    {
        4 when c.Length == 4 => BinaryPrimitives.ReadSingleBigEndian(c),
        8 when c.Length == 8 => BinaryPrimitives.ReadDoubleBigEndian(c),
        _ => throw SnmpDecodeException.At(at, "bad Opaque float/double length"),
    };
}
