using System.Globalization;
using System.Text.Json;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Payloads.Json;

/// <summary>
/// Reads one JSON leaf as a reading: numbers as they are, strings that hold a number (many gateways quote
/// them), booleans as 1/0; objects and arrays where a value belongs are wrong types. Null means "not given".
/// </summary>
public static class JsonScalar
{
    /// <summary>The raw number of a leaf, or null for JSON null. Throws <see cref="PayloadException"/> naming <paramref name="where"/>.</summary>
    public static double? Number(JsonElement e, string where, IReadOnlyDictionary<string, string>? map = null)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                if (!e.TryGetDouble(out var d) || !double.IsFinite(d))
                {
                    throw new PayloadException($"{where}: number out of range");
                }

                return d;
            case JsonValueKind.True:
            case JsonValueKind.False:
                var text = e.ValueKind == JsonValueKind.True ? "true" : "false";
                if (map is not null && map.TryGetValue(text, out var mappedBool))
                {
                    return double.Parse(mappedBool, CultureInfo.InvariantCulture);
                }

                return e.ValueKind == JsonValueKind.True ? 1 : 0;
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (map is not null && map.TryGetValue(s, out var mapped))
                {
                    return double.Parse(mapped, CultureInfo.InvariantCulture);
                }

                return ParseNumber(s.AsSpan().Trim(), where);
            default:
                throw new PayloadException($"{where}: expected a number, got {Kind(e)}");
        }
    }

    /// <summary>Parses a number the way a payload spells it; NaN, Infinity and words are rejected.</summary>
    public static double ParseNumber(ReadOnlySpan<char> s, string where)
    {
        if (s.Length == 0 || !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            var shown = s.Length > 40 ? string.Concat(s[..40], "…") : s.ToString();
            throw new PayloadException($"{where}: expected a number, got '{shown}'");
        }

        return v;
    }

    /// <summary>
    /// The state a leaf names for a state set: through the rule's map first (raw text → state), else the text
    /// itself when it is one of the family's states. Null for JSON null.
    /// </summary>
    public static string? State(JsonElement e, MetricFamily family, IReadOnlyDictionary<string, string> map, string where)
    {
        string raw = e.ValueKind switch
        {
            JsonValueKind.Null => string.Empty,
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => e.GetRawText(),
            _ => throw new PayloadException($"{where}: expected a state, got {Kind(e)}"),
        };
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (map.TryGetValue(raw, out var state))
        {
            return state;
        }

        if (family.States.Contains(raw, StringComparer.Ordinal))
        {
            return raw;
        }

        var shown = raw.Length > 40 ? string.Concat(raw.AsSpan(0, 40), "…") : raw;
        throw new PayloadException($"{where}: '{shown}' is not a known state of {family.Name}");
    }

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>The property <paramref name="name"/> of an object, or false when absent.</summary>
    public static bool TryProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An object where one is required; wrong types reject the message.</summary>
    public static JsonElement RequireObject(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Object ? e : throw new PayloadException($"{where}: expected an object, got {Kind(e)}");
}
