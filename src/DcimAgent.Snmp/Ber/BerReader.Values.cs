using System.Buffers;

namespace DcimAgent.Snmp.Ber;

public ref partial struct BerReader
{
    /// <summary>OBJECT IDENTIFIER (X.690 §8.19): base-128 sub-identifiers, the first one packing two arcs.</summary>
    public Oid ReadOid(byte tag = BerTag.ObjectIdentifier) => new(ReadOidArcs(tag));

    internal uint[] ReadOidArcs(byte tag = BerTag.ObjectIdentifier)
    {
        var at = AbsolutePosition;
        var c = ReadContent(tag);
        if (c.IsEmpty)
        {
            throw SnmpDecodeException.At(at, "empty OBJECT IDENTIFIER");
        }

        if ((c[^1] & 0x80) != 0)
        {
            throw SnmpDecodeException.At(at, "OBJECT IDENTIFIER ends inside a sub-identifier");
        }

        if (c.IndexOfAnyInRange((byte)0x80, (byte)0xff) < 0)
        {
            // Every sub-identifier is one octet (the usual case: arcs below 128): no continuation bits to
            // follow, so no minimality or 32-bit overflow checks can fail. Vectorised scan, one pass to copy.
            return ReadOidArcsShort(c, at);
        }

        var subIds = 0;
        foreach (var b in c)
        {
            if ((b & 0x80) == 0)
            {
                subIds++;
            }
        }

        if (subIds + 1 > Options.MaxOidArcs)
        {
            throw SnmpDecodeException.At(at, "OBJECT IDENTIFIER has too many arcs");
        }

        var arcs = new uint[subIds + 1];
        var n = 0;
        var i = 0;
        while (i < c.Length)
        {
            if (c[i] == 0x80 && !Options.AllowNonMinimalIntegers)
            {
                // X.690 §8.19.2: the leading octet of a sub-identifier shall not be 0x80.
                throw SnmpDecodeException.At(at + i, "non-minimal sub-identifier");
            }

            ulong v = 0;
            byte b;
            do
            {
                b = c[i++];
                v = (v << 7) | (uint)(b & 0x7f);
                if (v > uint.MaxValue)
                {
                    throw SnmpDecodeException.At(at, "sub-identifier exceeds 32 bits");
                }
            }
            while ((b & 0x80) != 0);

            if (n == 0)
            {
                // X.690 §8.19.4: first sub-identifier = 40 * X + Y, X in 0..2.
                var x = v < 40 ? 0u : v < 80 ? 1u : 2u;
                arcs[0] = x;
                arcs[1] = (uint)(v - (40 * x));
                n = 2;
            }
            else
            {
                arcs[n++] = (uint)v;
            }
        }

        return arcs;
    }

    private readonly uint[] ReadOidArcsShort(ReadOnlySpan<byte> c, int at)
    {
        if (c.Length + 1 > Options.MaxOidArcs)
        {
            throw SnmpDecodeException.At(at, "OBJECT IDENTIFIER has too many arcs");
        }

        var arcs = new uint[c.Length + 1];
        uint first = c[0];
        var x = first < 40 ? 0u : first < 80 ? 1u : 2u;
        arcs[0] = x;
        arcs[1] = first - (40 * x);
        for (var i = 1; i < c.Length; i++)
        {
            arcs[i + 1] = c[i];
        }

        return arcs;
    }

    /// <summary>Any SNMP value (RFC 3416 §3 ObjectSyntax plus the exception values).</summary>
    public SnmpValue ReadValue()
    {
        var at = AbsolutePosition;
        var tag = PeekTag();
        switch (tag)
        {
            case BerTag.Integer:
                return SnmpValue.Integer(ReadInt32());
            case BerTag.OctetString:
                return SnmpValue.OctetString(ReadContent(tag).ToArray());
            case BerTag.Null:
                ReadNull();
                return SnmpValue.Null;
            case BerTag.ObjectIdentifier:
                return SnmpValue.FromArcs(ReadOidArcs());
            case BerTag.IpAddress:
                {
                    var c = ReadContent(tag);
                    if (c.Length != 4 && !Options.AllowNonMinimalLengths)
                    {
                        throw SnmpDecodeException.At(at, "IpAddress must be 4 octets (RFC 2578 §7.1.5)");
                    }

                    return SnmpValue.IpAddress(c.ToArray());
                }

            case BerTag.Counter32:
                return SnmpValue.Counter32(ReadUInt32(tag));
            case BerTag.Gauge32:
                return SnmpValue.Gauge32(ReadUInt32(tag));
            case BerTag.TimeTicks:
                return SnmpValue.TimeTicks(ReadUInt32(tag));
            case BerTag.Counter64:
                return SnmpValue.Counter64(ReadUInt64(tag));
            case BerTag.Opaque:
                return ReadOpaque(ReadContent(tag), at);
            case BerTag.NoSuchObject:
            case BerTag.NoSuchInstance:
            case BerTag.EndOfMibView:
                {
                    var c = ReadContent(tag);
                    if (!c.IsEmpty && !Options.AllowNonMinimalLengths)
                    {
                        throw SnmpDecodeException.At(at, "exception value with contents");
                    }

                    return tag == BerTag.NoSuchObject ? SnmpValue.NoSuchObject
                        : tag == BerTag.NoSuchInstance ? SnmpValue.NoSuchInstance : SnmpValue.EndOfMibView;
                }

            default:
                throw SnmpDecodeException.At(at, $"unknown value tag 0x{tag:x2}");
        }
    }

    /// <summary>
    /// net-snmp wraps float/double in Opaque: 9f 78 04 IEEE754-single, 9f 79 08 IEEE754-double
    /// (draft-perkins-opaque-01). Anything else stays raw Opaque octets.
    /// </summary>
    private static SnmpValue ReadOpaque(ReadOnlySpan<byte> c, int at)
    {
        if (c.Length >= 3 && c[0] == BerTag.OpaqueSpecialPrefix)
        {
            if (c[1] == BerTag.OpaqueFloatTag && c[2] == 4 && c.Length == 7)
            {
                return SnmpValue.OpaqueFloat((float)ReadIeee(c[3..], 4, at));
            }

            if (c[1] == BerTag.OpaqueDoubleTag && c[2] == 8 && c.Length == 11)
            {
                return SnmpValue.OpaqueDouble(ReadIeee(c[3..], 8, at));
            }
        }

        return SnmpValue.Opaque(c.ToArray());
    }

    /// <summary>VarBind ::= SEQUENCE { name ObjectName, value } (RFC 3416 §3).</summary>
    public VarBind ReadVarBind()
    {
        var seq = ReadSequence();
        var oid = new Oid(seq.ReadOidArcs());
        var value = seq.ReadValue();
        seq.ThrowIfNotEnd();
        return new VarBind(oid, value);
    }

    /// <summary>Reads VarBindList ::= SEQUENCE OF VarBind into an exactly-sized array.</summary>
    public VarBind[] ReadVarBindList()
    {
        var list = ReadSequence();
        if (!list.HasMore)
        {
            return [];
        }

        // One pass: decode into a pooled scratch array (a varbind is at least 7 octets: 30 05 06 01 xx 05 00),
        // then copy out exactly. Counting the TLVs first would walk every length twice.
        var pool = ArrayPool<VarBind>.Shared;
        var scratch = pool.Rent((list.Remaining / 7) + 1);
        var n = 0;
        try
        {
            while (list.HasMore)
            {
                var vb = list.ReadVarBind();
                scratch[n++] = vb;
            }

            return scratch.AsSpan(0, n).ToArray();
        }
        finally
        {
            // Drop the references this call stored so the pool does not keep decoded values alive.
            scratch.AsSpan(0, n).Clear();
            pool.Return(scratch);
        }
    }

    /// <summary>Counts the TLVs left in this reader without decoding them (validates lengths on the way).</summary>
    public readonly int CountElements()
    {
        var copy = this;
        var n = 0;
        while (copy.HasMore)
        {
            copy.ReadTlv(out _, out _);
            n++;
        }

        return n;
    }
}
