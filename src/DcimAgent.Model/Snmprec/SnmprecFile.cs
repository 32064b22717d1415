using System.Globalization;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Snmprec;

/// <summary>
/// An snmpsim recording (<c>OID|TYPE|VALUE</c> per line) held in memory, sorted in MIB order, with the GET and
/// walk semantics of an agent serving it. Golden tests and the <c>--snmprec</c> probe run the profile mapper
/// over it without a socket. Type codes: 2 INTEGER, 4 OCTET STRING, 4x hex OCTET STRING, 5 NULL, 6 OID,
/// 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque, 70 Counter64.
/// </summary>
public sealed class SnmprecFile
{
    private readonly VarBind[] _sorted;
    private readonly Dictionary<Oid, SnmpValue> _byOid;

    private SnmprecFile(string source, VarBind[] sorted)
    {
        Source = source;
        _sorted = sorted;
        _byOid = new Dictionary<Oid, SnmpValue>(sorted.Length);
        foreach (var vb in sorted)
        {
            _byOid[vb.Oid] = vb.Value;
        }
    }

    /// <summary>Where the recording came from (a path), for error messages.</summary>
    public string Source { get; }

    public int Count => _sorted.Length;

    public IReadOnlyList<VarBind> VarBinds => _sorted;

    public static SnmprecFile Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses recording text; a malformed line throws <see cref="FormatException"/> naming source:line.</summary>
    public static SnmprecFile Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<VarBind>(1024);
        var lineNo = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNo++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var first = line.IndexOf('|', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf('|', first + 1);
            if (second < 0)
            {
                throw new FormatException($"{source}:{lineNo}: expected OID|TYPE|VALUE");
            }

            if (!Oid.TryParse(line[..first], out var oid))
            {
                throw new FormatException($"{source}:{lineNo}: '{line[..first]}' is not a numeric OID");
            }

            var type = line[(first + 1)..second];
            var value = line[(second + 1)..];
            if (!TryDecode(type, value, out var decoded))
            {
                throw new FormatException($"{source}:{lineNo}: value '{value}' does not fit type '{type}'");
            }

            list.Add(new VarBind(oid, decoded));
        }

        // Recordings may list OIDs out of order (the iBMC one does); an agent answers in MIB order.
        list.Sort(static (a, b) => a.Oid.CompareTo(b.Oid));
        return new SnmprecFile(source, [.. list]);
    }

    /// <summary>The value at exactly <paramref name="oid"/>, or noSuchObject.</summary>
    public SnmpValue Get(Oid oid) => _byOid.TryGetValue(oid, out var v) ? v : SnmpValue.NoSuchObject;

    /// <summary>Every binding strictly below <paramref name="root"/>, in MIB order (what a walk returns).</summary>
    public IReadOnlyList<VarBind> Walk(Oid root)
    {
        var start = LowerBound(root);
        var result = new List<VarBind>();
        for (var i = start; i < _sorted.Length && root.IsPrefixOf(_sorted[i].Oid); i++)
        {
            if (_sorted[i].Oid.Length > root.Length)
            {
                result.Add(_sorted[i]);
            }
        }

        return result;
    }

    private int LowerBound(Oid oid)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid].Oid.CompareTo(oid) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static bool TryHex(string value, out byte[] bytes)
    {
        bytes = new byte[value.Length / 2];
        return value.Length % 2 == 0 && Convert.FromHexString(value, bytes, out _, out _) == System.Buffers.OperationStatus.Done;
    }

    private static bool TryDecode(string type, string value, out SnmpValue decoded)
    {
        decoded = default;
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "2":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, inv, out var i) || i < int.MinValue || i > uint.MaxValue)
                {
                    return false;
                }

                // Some recorders write INTEGER values above 2^31 (an unsigned read of the wire bytes); keep the bits.
                decoded = SnmpValue.Integer(unchecked((int)i));
                return true;
            case "4":
                decoded = SnmpValue.OctetString(value);
                return true;
            case "4x":
                if (!TryHex(value, out var bytes))
                {
                    return false;
                }

                decoded = SnmpValue.OctetString(bytes);
                return true;
            case "5":
                decoded = SnmpValue.Null;
                return true;
            case "6":
                if (!Oid.TryParse(value, out var o))
                {
                    return false;
                }

                decoded = SnmpValue.ObjectId(o);
                return true;
            case "64x":
                if (value.Length != 8 || !TryHex(value, out var ipBytes))
                {
                    return false;
                }

                decoded = SnmpValue.IpAddress(ipBytes);
                return true;
            case "64":
                var parts = value.Split('.');
                if (parts.Length != 4 || !parts.All(p => byte.TryParse(p, NumberStyles.None, inv, out _)))
                {
                    return false;
                }

                decoded = SnmpValue.IpAddress([.. parts.Select(p => byte.Parse(p, inv))]);
                return true;
            case "65" or "66" or "67":
                if (!uint.TryParse(value, NumberStyles.None, inv, out var u))
                {
                    return false;
                }

                decoded = type switch
                {
                    "65" => SnmpValue.Counter32(u),
                    "66" => SnmpValue.Gauge32(u),
                    _ => SnmpValue.TimeTicks(u),
                };
                return true;
            case "68x":
                if (!TryHex(value, out var opaque))
                {
                    return false;
                }

                decoded = SnmpValue.Opaque(opaque);
                return true;
            case "70":
                if (!ulong.TryParse(value, NumberStyles.None, inv, out var c64))
                {
                    return false;
                }

                decoded = SnmpValue.Counter64(c64);
                return true;
            default:
                return false;
        }
    }
}
