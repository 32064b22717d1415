using System.Text.RegularExpressions;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// A filter on a row: a template (<c>{col.2}</c>, <c>{index.3}</c>, <c>{lookup:type}</c>) compared with
/// text values or a pattern. Lets one table feed several families (APC coolingUnit rows by description,
/// Raritan sensors by type, Dell probes by amperage type).
/// </summary>
public sealed class RowCondition
{
    public required Template Value { get; init; }

    public IReadOnlyList<string>? In { get; init; }

    public IReadOnlyList<string>? NotIn { get; init; }

    public Regex? Pattern { get; init; }

    public Regex? NotPattern { get; init; }

    public bool Holds(in RowContext row)
    {
        var text = Value.Render(row) ?? string.Empty;
        if (In is not null && !In.Contains(text, StringComparer.Ordinal))
        {
            return false;
        }

        if (NotIn is not null && NotIn.Contains(text, StringComparer.Ordinal))
        {
            return false;
        }

        if (Pattern is not null && !Pattern.IsMatch(text))
        {
            return false;
        }

        return NotPattern is null || !NotPattern.IsMatch(text);
    }
}
