using System.Globalization;
using System.Text;

namespace DcimAgent.Snmp;

/// <summary>An OBJECT IDENTIFIER as its arcs. Immutable; compares in lexicographic (MIB walk) order.</summary>
public readonly struct Oid : IEquatable<Oid>, IComparable<Oid>
{
    private readonly uint[]? _arcs;

    public Oid(uint[] arcs) => _arcs = arcs;

    public Oid(ReadOnlySpan<uint> arcs) => _arcs = arcs.ToArray();

    public ReadOnlySpan<uint> Arcs => _arcs;

    public int Length => _arcs?.Length ?? 0;

    public uint this[int index] => _arcs![index];

    /// <summary>Parses "1.3.6.1.2.1" or ".1.3.6.1.2.1".</summary>
    public static Oid Parse(string text)
    {
        if (!TryParse(text, out var oid))
        {
            throw new FormatException($"'{text}' is not a numeric OID");
        }

        return oid;
    }

    public static bool TryParse(string? text, out Oid oid)
    {
        oid = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length > 0 && span[0] == '.')
        {
            span = span[1..];
        }

        if (span.IsEmpty)
        {
            return false;
        }

        var arcs = new List<uint>(16);
        foreach (var range in span.Split('.'))
        {
            if (!uint.TryParse(span[range], NumberStyles.None, CultureInfo.InvariantCulture, out var arc))
            {
                return false;
            }

            arcs.Add(arc);
        }

        oid = new Oid(arcs.ToArray());
        return true;
    }

    /// <summary>True when <paramref name="other"/> is this OID or lies below it.</summary>
    public bool IsPrefixOf(Oid other) =>
        other.Length >= Length && other.Arcs[..Length].SequenceEqual(Arcs);

    /// <summary>The arcs of <paramref name="other"/> after this prefix (a table row index).</summary>
    public ReadOnlySpan<uint> SuffixOf(Oid other) => other.Arcs[Length..];

    public Oid Append(ReadOnlySpan<uint> more)
    {
        var arcs = new uint[Length + more.Length];
        Arcs.CopyTo(arcs);
        more.CopyTo(arcs.AsSpan(Length));
        return new Oid(arcs);
    }

    public Oid Append(uint arc) => Append([arc]);

    public int CompareTo(Oid other)
    {
        var a = Arcs;
        var b = other.Arcs;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    public bool Equals(Oid other) => Arcs.SequenceEqual(other.Arcs);

    public override bool Equals(object? obj) => obj is Oid o && Equals(o);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var arc in Arcs)
        {
            h.Add(arc);
        }

        return h.ToHashCode();
    }

    /// <summary>Dotted form without a leading dot: "1.3.6.1.2.1.1.5.0".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Length * 3);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            sb.Append(_arcs![i].ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public static bool operator ==(Oid left, Oid right) => left.Equals(right);

    public static bool operator !=(Oid left, Oid right) => !left.Equals(right);

    public static bool operator <(Oid left, Oid right) => left.CompareTo(right) < 0;

    public static bool operator >(Oid left, Oid right) => left.CompareTo(right) > 0;

    public static bool operator <=(Oid left, Oid right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Oid left, Oid right) => left.CompareTo(right) >= 0;
}
