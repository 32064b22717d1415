using System.Text.RegularExpressions;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// When <c>profile: auto</c> picks a profile: sysObjectID prefixes, an optional sysDescr pattern, OIDs that must
/// answer, and a priority that breaks ties (higher wins).
/// </summary>
public sealed class ProfileMatchRule
{
    public IReadOnlyList<Oid> SysObjectIdPrefixes { get; init; } = [];

    public Regex? SysDescr { get; init; }

    /// <summary>Instance OIDs that must answer a GET with a value (how generic fallbacks such as UPS-MIB are recognised).</summary>
    public IReadOnlyList<Oid> Requires { get; init; } = [];

    /// <summary>Subtrees that must hold at least one value: walked only when no other profile matched (generic fallbacks).</summary>
    public IReadOnlyList<Oid> RequiresSubtree { get; init; } = [];

    public int Priority { get; init; }

    /// <summary>
    /// A score for this device, or null when the rule does not match. A longer sysObjectID prefix beats a
    /// shorter one; a rule without prefixes (a generic fallback) only matches on <see cref="Requires"/>.
    /// </summary>
    public long? Score(DeviceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var prefixLength = -1;
        foreach (var prefix in SysObjectIdPrefixes)
        {
            if (facts.SysObjectId is { } id && prefix.IsPrefixOf(id) && prefix.Length > prefixLength)
            {
                prefixLength = prefix.Length;
            }
        }

        if (SysObjectIdPrefixes.Count > 0 && prefixLength < 0)
        {
            return null;
        }

        if (SysDescr is not null && !SysDescr.IsMatch(facts.SysDescr ?? string.Empty))
        {
            return null;
        }

        foreach (var oid in Requires)
        {
            if (!facts.Answers(oid))
            {
                return null;
            }
        }

        foreach (var oid in RequiresSubtree)
        {
            if (!facts.Answers(oid))
            {
                return null;
            }
        }

        if (SysObjectIdPrefixes.Count == 0 && SysDescr is null && Requires.Count == 0 && RequiresSubtree.Count == 0)
        {
            return null;
        }

        // Prefix length dominates; a sysDescr pattern and required objects make a rule more specific.
        return ((long)Math.Max(prefixLength, 0) * 1_000_000) + (SysDescr is null ? 0 : 100_000)
            + ((Requires.Count + RequiresSubtree.Count) * 10_000) + Priority;
    }
}
