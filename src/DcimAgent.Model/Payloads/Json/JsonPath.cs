using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DcimAgent.Model.Payloads.Json;

/// <summary>
/// The path language of <c>json</c> mapping rules: property names separated by dots, each optionally followed by
/// <c>[N]</c> (one element) or <c>[*]</c> (every element; the element's index becomes a label). A name with dots
/// or brackets is quoted: <c>"Supply.Voltage"</c>. Examples: <c>ENERGY.Power</c>, <c>StatusSNS.ENERGY.Total</c>,
/// <c>gpus[*].temp</c>, <c>[*].value</c> (a root array). At most one <c>[*]</c> per path.
/// </summary>
public sealed class JsonPath
{
    private readonly Segment[] _segments;

    private JsonPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public bool HasWildcard => _segments.Any(s => s.Kind == SegmentKind.Wildcard);

    public static JsonPath Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var segments = new List<Segment>();
        var i = 0;
        var expectName = text[0] != '[';
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException($"path '{text}': '[' without ']'");
                }

                var inner = text.AsSpan(i + 1, close - i - 1);
                if (inner is "*")
                {
                    segments.Add(new Segment(SegmentKind.Wildcard, null, 0));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    segments.Add(new Segment(SegmentKind.Index, null, n));
                }
                else
                {
                    throw new FormatException($"path '{text}': '[{inner}]' is neither [*] nor [N]");
                }

                i = close + 1;
                expectName = false;
                continue;
            }

            if (text[i] == '.')
            {
                if (expectName)
                {
                    throw new FormatException($"path '{text}': empty name at position {i + 1}");
                }

                i++;
                expectName = true;
                continue;
            }

            if (!expectName)
            {
                throw new FormatException($"path '{text}': expected '.' or '[' at position {i + 1}");
            }

            var name = new StringBuilder();
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"path '{text}': unterminated quote");
                }

                name.Append(text, i + 1, end - i - 1);
                i = end + 1;
            }
            else
            {
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    name.Append(text[i++]);
                }
            }

            if (name.Length == 0)
            {
                throw new FormatException($"path '{text}': empty name");
            }

            segments.Add(new Segment(SegmentKind.Property, name.ToString(), 0));
            expectName = false;
        }

        if (expectName)
        {
            throw new FormatException($"path '{text}': ends with '.'");
        }

        if (segments.Count(s => s.Kind == SegmentKind.Wildcard) > 1)
        {
            throw new FormatException($"path '{text}': at most one [*] per path");
        }

        return new JsonPath(text, [.. segments]);
    }

    /// <summary>
    /// Every leaf the path reaches, with the index of its <c>[*]</c> element (−1 without one). A missing property
    /// or index reaches nothing (the reading is absent); a property asked of a non-object is a wrong type.
    /// </summary>
    public void Select(JsonElement root, List<(JsonElement Value, int Index)> into)
    {
        into.Clear();
        Walk(root, 0, -1, into);
    }

    public override string ToString() => Text;

    private void Walk(JsonElement e, int depth, int index, List<(JsonElement, int)> into)
    {
        if (depth == _segments.Length)
        {
            into.Add((e, index));
            return;
        }

        var seg = _segments[depth];
        switch (seg.Kind)
        {
            case SegmentKind.Property:
                if (e.ValueKind == JsonValueKind.Null)
                {
                    return;
                }

                if (e.ValueKind != JsonValueKind.Object)
                {
                    throw new PayloadException($"{Where(depth)}: expected an object, got {JsonScalar.Kind(e)}");
                }

                if (e.TryGetProperty(seg.Name!, out var child))
                {
                    Walk(child, depth + 1, index, into);
                }

                return;
            case SegmentKind.Index:
                RequireArray(e, depth);
                if (seg.Index < e.GetArrayLength())
                {
                    Walk(e[seg.Index], depth + 1, index, into);
                }

                return;
            default:
                RequireArray(e, depth);
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, depth + 1, i++, into);
                }

                return;
        }
    }

    private void RequireArray(JsonElement e, int depth)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new PayloadException($"{Where(depth)}: expected an array, got {JsonScalar.Kind(e)}");
        }
    }

    private string Where(int depth)
    {
        if (depth == 0)
        {
            return "(root)";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            var s = _segments[i];
            switch (s.Kind)
            {
                case SegmentKind.Property:
                    if (sb.Length > 0)
                    {
                        sb.Append('.');
                    }

                    sb.Append(s.Name);
                    break;
                case SegmentKind.Index:
                    sb.Append('[').Append(s.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                default:
                    sb.Append("[*]");
                    break;
            }
        }

        return sb.ToString();
    }

    private enum SegmentKind
    {
        Property,
        Index,
        Wildcard,
    }

    private readonly record struct Segment(SegmentKind Kind, string? Name, int Index);
}
