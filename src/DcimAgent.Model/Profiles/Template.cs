using System.Globalization;
using System.Text;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// A label or condition text with placeholders, compiled once at load: literal text plus <c>{…}</c> parts.
/// A part is one or more sources separated by <c>|</c>, the first non-empty one wins:
/// <c>index</c> (the whole row index), <c>index.N</c> / <c>index.N-M</c> (1-based arcs), <c>col.N</c> (column N
/// of the same row, walked each poll), <c>lookup:NAME</c> / <c>lookup:NAME@index.N[-M]</c> (a cached lookup
/// keyed by the row index or part of it, or <c>@'0'</c> for a scalar such as a unit-wide scale), <c>'text'</c>
/// (a literal fallback).
/// </summary>
public sealed class Template
{
    private readonly Part[] _parts;

    private Template(string source, Part[] parts)
    {
        SourceText = source;
        _parts = parts;
    }

    public string SourceText { get; }

    /// <summary>True when the template has no placeholders.</summary>
    public bool IsLiteral => _parts.All(p => p.Sources is null);

    /// <summary>Columns of the row this template reads (they must be walked).</summary>
    public IEnumerable<uint> Columns =>
        _parts.Where(p => p.Sources is not null).SelectMany(p => p.Sources!).Where(s => s.Kind == SourceKind.Column).Select(s => s.From);

    /// <summary>Lookups this template reads.</summary>
    public IEnumerable<string> LookupNames =>
        _parts.Where(p => p.Sources is not null).SelectMany(p => p.Sources!).Where(s => s.Kind == SourceKind.Lookup).Select(s => s.Lookup!);

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="FormatException"/> with the reason.</summary>
    public static Template Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                throw new FormatException($"unclosed '{{' in '{text}'");
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null));
                literal.Clear();
            }

            var alternatives = text[(i + 1)..end].Split('|');
            parts.Add(new Part(null, [.. alternatives.Select(a => ParseSource(a.Trim(), text))]));
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), null));
        }

        return new Template(text, [.. parts]);
    }

    /// <summary>The text, or null when a placeholder had no value in any of its sources.</summary>
    public string? Render(in RowContext row)
    {
        if (_parts.Length == 1)
        {
            return _parts[0].Literal ?? Resolve(_parts[0].Sources!, row);
        }

        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Literal is not null)
            {
                sb.Append(part.Literal);
                continue;
            }

            var value = Resolve(part.Sources!, row);
            if (value is null)
            {
                return null;
            }

            sb.Append(value);
        }

        return sb.ToString();
    }

    /// <summary>The text a value shows in labels: strings trimmed of blanks and NULs, OIDs dotted, numbers invariant.</summary>
    public static string Text(in SnmpValue value) =>
        value.Type is SnmpType.OctetString ? value.AsText().Trim().Trim('\0').Trim() : value.AsText();

    public override string ToString() => SourceText;

    private static string? Resolve(Source[] sources, in RowContext row)
    {
        foreach (var s in sources)
        {
            var v = s.Kind switch
            {
                SourceKind.Text => s.Lookup,
                SourceKind.Index when s.From == 0 => row.IndexText,
                SourceKind.Index => Arcs(row.Index, s.From, s.To),
                SourceKind.Column => row.Columns is not null && row.Columns.TryGetValue(s.From, out var cv) && !cv.IsException
                    ? Text(cv) : null,
                SourceKind.Lookup => row.Lookups?.Get(s.Lookup!, s.Key ?? (s.From == 0 ? row.IndexText : Arcs(row.Index, s.From, s.To) ?? string.Empty)),
                _ => null,
            };
            if (!string.IsNullOrEmpty(v))
            {
                return v;
            }
        }

        return null;
    }

    private static string? Arcs(uint[] index, uint from, uint to)
    {
        if (to > index.Length || from < 1)
        {
            return null;
        }

        return from == to
            ? index[from - 1].ToString(CultureInfo.InvariantCulture)
            : LookupCache.IndexText(index.AsSpan((int)from - 1, (int)(to - from + 1)));
    }

    private static Source ParseSource(string s, string whole)
    {
        if (s.Length >= 2 && s[0] == '\'' && s[^1] == '\'')
        {
            return new Source(SourceKind.Text, 0, 0, s[1..^1]);
        }

        if (s == "index")
        {
            return new Source(SourceKind.Index, 0, 0, null);
        }

        if (s.StartsWith("index.", StringComparison.Ordinal))
        {
            var (from, to) = ParseRange(s[6..], whole);
            return new Source(SourceKind.Index, from, to, null);
        }

        if (s.StartsWith("col.", StringComparison.Ordinal)
            && uint.TryParse(s[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var col) && col > 0)
        {
            return new Source(SourceKind.Column, col, col, null);
        }

        if (s.StartsWith("lookup:", StringComparison.Ordinal))
        {
            var rest = s[7..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                return rest.Length > 0 ? new Source(SourceKind.Lookup, 0, 0, rest) : throw new FormatException($"empty lookup name in '{whole}'");
            }

            var key = rest[(at + 1)..];
            if (key.Length >= 2 && key[0] == '\'' && key[^1] == '\'')
            {
                return new Source(SourceKind.Lookup, 0, 0, rest[..at], key[1..^1]);
            }

            if (!key.StartsWith("index.", StringComparison.Ordinal))
            {
                throw new FormatException($"lookup key '{key}' in '{whole}' must be index.N, index.N-M or 'fixed'");
            }

            var (f, t) = ParseRange(key[6..], whole);
            return new Source(SourceKind.Lookup, f, t, rest[..at]);
        }

        throw new FormatException($"unknown placeholder '{{{s}}}' in '{whole}' (index, index.N, index.N-M, col.N, lookup:NAME[@index.N], 'text')");
    }

    private static (uint From, uint To) ParseRange(string s, string whole)
    {
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var a = dash < 0 ? s : s[..dash];
        var b = dash < 0 ? s : s[(dash + 1)..];
        if (!uint.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var from) || from == 0
            || !uint.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to < from)
        {
            throw new FormatException($"bad index range '{s}' in '{whole}' (1-based: index.2 or index.1-2)");
        }

        return (from, to);
    }

    private enum SourceKind
    {
        Text,
        Index,
        Column,
        Lookup,
    }

    private sealed record Source(SourceKind Kind, uint From, uint To, string? Lookup, string? Key = null);

    private sealed record Part(string? Literal, Source[]? Sources);
}
