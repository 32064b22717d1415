using DcimAgent.Model.Metrics;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// Turns one poll's varbinds into samples by a profile. Pure: the data, the lookup cache, the device identity
/// and the timestamp come in; samples go to the output list and problems to the report. Never throws on
/// device data: a bad value is left out and counted.
/// </summary>
public static class ProfileMapper
{
    /// <summary>Loads the lookup walks of this poll into the cache (call when the poll included them).</summary>
    public static void LoadLookups(Profile profile, PollData data, LookupCache cache, long pollNumber)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(cache);
        foreach (var lookup in profile.Lookups.Values)
        {
            cache.Load(lookup, data.Walk(lookup.Walk), pollNumber);
        }

        cache.MarkRefreshed(pollNumber);
    }

    /// <summary>Maps the poll's data; returns what was produced and dropped.</summary>
    public static MappingReport Map(
        Profile profile,
        PollData data,
        LookupCache lookups,
        DeviceIdentity device,
        long timestampMs,
        ICollection<Sample> output)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var report = new MappingReport();
        var seen = new HashSet<(MetricFamily, LabelSet)>();
        var families = new HashSet<MetricFamily>();
        var emit = new Emitter(device, timestampMs, output, report, seen, families);

        emit.Info(profile, data);
        foreach (var pass in (bool[])[false, true])
        {
            foreach (var metric in profile.Scalars)
            {
                if (metric.Fallback != pass || (pass && families.Contains(metric.Family)))
                {
                    continue;
                }

                var row = RowContext.Scalar(lookups);
                emit.Value(metric, data.Get(metric.Oid!.Value), row);
            }

            foreach (var table in profile.Tables)
            {
                MapTable(table, data, lookups, emit, pass, families);
            }
        }

        return report;
    }

    private static void MapTable(ProfileTable table, PollData data, LookupCache lookups, Emitter emit, bool fallbackPass, HashSet<MetricFamily> families)
    {
        List<RowContext>? rows = null;
        foreach (var metric in table.Metrics)
        {
            if (metric.Fallback != fallbackPass || (fallbackPass && families.Contains(metric.Family)))
            {
                continue;
            }

            rows ??= BuildRows(table, data, lookups);
            if (metric.Aggregate != RowAggregate.None)
            {
                emit.Aggregate(metric, rows);
                continue;
            }

            foreach (var row in rows)
            {
                if (row.Columns!.TryGetValue(metric.Column, out var raw))
                {
                    emit.Value(metric, raw, row);
                }
            }
        }
    }

    /// <summary>Assembles rows from the column walks, in index order of first appearance.</summary>
    private static List<RowContext> BuildRows(ProfileTable table, PollData data, LookupCache lookups)
    {
        var byIndex = new Dictionary<string, (uint[] Index, Dictionary<uint, SnmpValue> Cells)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var column in table.Columns)
        {
            var root = table.Entry.Append(column);
            foreach (var vb in data.Walk(root))
            {
                if (vb.Value.IsException || vb.Oid.Length <= root.Length || !root.IsPrefixOf(vb.Oid))
                {
                    continue;
                }

                var arcs = root.SuffixOf(vb.Oid);
                var key = LookupCache.IndexText(arcs);
                if (!byIndex.TryGetValue(key, out var row))
                {
                    row = (arcs.ToArray(), new Dictionary<uint, SnmpValue>(table.Columns.Count));
                    byIndex[key] = row;
                    order.Add(key);
                }

                row.Cells[column] = vb.Value;
            }
        }

        var rows = new List<RowContext>(order.Count);
        foreach (var key in order)
        {
            var (index, cells) = byIndex[key];
            rows.Add(new RowContext(index, key, cells, lookups));
        }

        rows.Sort(static (a, b) => CompareIndex(a.Index, b.Index));
        return rows;
    }

    private static int CompareIndex(uint[] a, uint[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
