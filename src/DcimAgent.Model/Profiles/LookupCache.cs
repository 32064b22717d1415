using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// Per-target cache of lookup columns (names, descriptions, per-row scales and units). Re-walking label
/// tables every poll is what makes large PDUs slow to scrape with snmp_exporter; here they are walked on the
/// first poll, then every <c>label_refresh_polls</c> polls, and whenever sysUpTime goes backwards (the
/// device restarted and may have been reconfigured).
/// </summary>
public sealed class LookupCache
{
    private readonly Dictionary<string, Dictionary<string, string>> _values = new(StringComparer.Ordinal);
    private long _refreshedAtPoll = long.MinValue;
    private long _lastUpTime = -1;

    /// <summary>How many times the lookups were (re)loaded.</summary>
    public int Refreshes { get; private set; }

    /// <summary>True when the lookup walks must go into this poll.</summary>
    public bool IsDue(long pollNumber, int refreshEveryPolls) =>
        _refreshedAtPoll == long.MinValue || pollNumber - _refreshedAtPoll >= Math.Max(1, refreshEveryPolls);

    /// <summary>
    /// Records this poll's sysUpTime (hundredths of a second); returns true when it went backwards, which
    /// marks the cache due and tells counters that a drop is a device reset rather than a wrap.
    /// </summary>
    public bool ObserveUpTime(long upTime)
    {
        var restarted = _lastUpTime >= 0 && upTime >= 0 && upTime < _lastUpTime;
        _lastUpTime = upTime;
        if (restarted)
        {
            _refreshedAtPoll = long.MinValue;
        }

        return restarted;
    }

    /// <summary>Forgets everything (the profile changed).</summary>
    public void Clear()
    {
        _values.Clear();
        _refreshedAtPoll = long.MinValue;
    }

    /// <summary>Replaces one lookup's values with a fresh walk of its column.</summary>
    public void Load(LookupDefinition lookup, IReadOnlyList<VarBind> walk, long pollNumber)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(walk);
        var map = new Dictionary<string, string>(walk.Count, StringComparer.Ordinal);
        foreach (var vb in walk)
        {
            if (!lookup.Walk.IsPrefixOf(vb.Oid) || vb.Oid.Length == lookup.Walk.Length || vb.Value.IsException)
            {
                continue;
            }

            map[IndexText(lookup.Walk.SuffixOf(vb.Oid))] = Template.Text(vb.Value);
        }

        _values[lookup.Name] = map;
        _refreshedAtPoll = pollNumber;
    }

    /// <summary>Marks a completed refresh (counted once per poll, not per lookup).</summary>
    public void MarkRefreshed(long pollNumber)
    {
        _refreshedAtPoll = pollNumber;
        Refreshes++;
    }

    public string? Get(string lookup, string key) =>
        _values.TryGetValue(lookup, out var map) && map.TryGetValue(key, out var text) ? text : null;

    public static string IndexText(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length == 1)
        {
            return arcs[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Join('.', arcs.ToArray());
    }
}
