using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// The loaded profiles by name: includes resolved, lookups checked, poll plans computed; and the auto-detection
/// that picks the best profile for a device's sysObjectID/sysDescr (and, for generic fallbacks, which MIB
/// subtrees answer).
/// </summary>
public sealed class ProfileCatalog
{
    private readonly Dictionary<string, Profile> _byName;

    private ProfileCatalog(Dictionary<string, Profile> byName) => _byName = byName;

    public IReadOnlyCollection<Profile> Profiles => _byName.Values;

    /// <summary>Every OID some profile's match rule requires (auto-detection probes these).</summary>
    public IReadOnlyList<Oid> ProbeOids =>
        [.. _byName.Values.SelectMany(p => p.Match.Requires).Distinct().OrderBy(o => o)];

    /// <summary>Subtrees generic fallbacks require (walked only when nothing else matched).</summary>
    public IReadOnlyList<Oid> SubtreeProbeOids =>
        [.. _byName.Values.SelectMany(p => p.Match.RequiresSubtree).Distinct().OrderBy(o => o)];

    public bool TryGet(string name, out Profile profile) => _byName.TryGetValue(name, out profile!);

    /// <summary>Loads every <c>*.yaml</c> in the given files or folders; all errors of all files together.</summary>
    public static ProfileCatalog Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new ProfileLoadException($"{path}: no such profile file or folder");
            }
        }

        var errors = new List<string>();
        var parsed = new List<Profile>();
        foreach (var file in files)
        {
            try
            {
                parsed.Add(ProfileLoader.LoadFile(file));
            }
            catch (ProfileLoadException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ProfileLoadException(errors);
        }

        return FromProfiles(parsed);
    }

    /// <summary>Builds a catalog from parsed profiles: resolves includes, checks lookups, plans polls.</summary>
    public static ProfileCatalog FromProfiles(IEnumerable<Profile> profiles)
    {
        var errors = new List<string>();
        var raw = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var p in profiles)
        {
            if (!raw.TryAdd(p.Name, p))
            {
                errors.Add($"{p.Source}: profile '{p.Name}' is also defined in {raw[p.Name].Source}");
            }
        }

        var resolved = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var p in raw.Values)
        {
            var merged = Resolve(p, raw, [], errors);
            if (merged is not null)
            {
                CheckLookups(merged, errors);
                Plan(merged);
                resolved[merged.Name] = merged;
            }
        }

        if (errors.Count > 0)
        {
            throw new ProfileLoadException(errors);
        }

        return new ProfileCatalog(resolved);
    }

    /// <summary>The best profile for the device, or null when none matches.</summary>
    public Profile? Match(DeviceFacts facts)
    {
        Profile? best = null;
        long bestScore = long.MinValue;
        foreach (var p in _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Match.Score(facts) is { } score && score > bestScore)
            {
                best = p;
                bestScore = score;
            }
        }

        return best;
    }

    private static Profile? Resolve(Profile p, Dictionary<string, Profile> raw, HashSet<string> visiting, List<string> errors)
    {
        if (p.Includes.Count == 0)
        {
            return p;
        }

        if (!visiting.Add(p.Name))
        {
            errors.Add($"{p.Source}: include cycle through '{p.Name}'");
            return null;
        }

        var lookups = new Dictionary<string, LookupDefinition>(StringComparer.Ordinal);
        var scalars = new List<ProfileMetric>(p.Scalars);
        var tables = new List<ProfileTable>(p.Tables);
        var info = new Dictionary<string, InfoField>(StringComparer.Ordinal);
        var own = p.Scalars.Concat(p.Tables.SelectMany(t => t.Metrics)).Select(m => m.Family).ToHashSet();
        foreach (var name in p.Includes)
        {
            if (!raw.TryGetValue(name, out var included))
            {
                errors.Add($"{p.Source}: include: no profile named '{name}'");
                continue;
            }

            var inner = Resolve(included, raw, visiting, errors);
            if (inner is null)
            {
                continue;
            }

            foreach (var (k, v) in inner.Lookups)
            {
                lookups[k] = v;
            }

            foreach (var (k, v) in inner.Info)
            {
                info[k] = v;
            }

            // The including profile's own readings win: an included metric of a family the includer reads
            // itself only fills in when the includer produced nothing for it in that poll.
            scalars.AddRange(inner.Scalars.Select(m => own.Contains(m.Family) ? m.AsFallback() : m));
            tables.AddRange(inner.Tables.Select(t => new ProfileTable
            {
                Name = t.Name,
                Entry = t.Entry,
                Metrics = [.. t.Metrics.Select(m => own.Contains(m.Family) ? m.AsFallback() : m)],
            }));
        }

        foreach (var (k, v) in p.Lookups)
        {
            lookups[k] = v;
        }

        foreach (var (k, v) in p.Info)
        {
            info[k] = v;
        }

        visiting.Remove(p.Name);
        return new Profile
        {
            Name = p.Name,
            Description = p.Description,
            DeviceClass = p.DeviceClass,
            Match = p.Match,
            Includes = p.Includes,
            Info = info,
            Lookups = lookups,
            Scalars = scalars,
            Tables = tables,
            Notes = p.Notes,
            Source = p.Source,
        };
    }

    private static void CheckLookups(Profile p, List<string> errors)
    {
        foreach (var metric in p.Scalars.Concat(p.Tables.SelectMany(t => t.Metrics)))
        {
            var templates = metric.Labels.Select(l => l.Value)
                .Concat(metric.When.Select(w => w.Value))
                .Append(metric.Transform.Scale)
                .Append(metric.Transform.UnitTemplate)
                .OfType<Template>();
            foreach (var name in templates.SelectMany(t => t.LookupNames))
            {
                if (!p.Lookups.ContainsKey(name))
                {
                    errors.Add($"{metric.Where}: lookup '{name}' is not defined under 'lookups' of profile '{p.Name}'");
                }
            }
        }
    }

    /// <summary>Works out the GETs and walks of one poll, each OID once.</summary>
    private static void Plan(Profile p)
    {
        var gets = new List<Oid> { DeviceFacts.SysUpTimeOid };
        gets.AddRange(p.Info.Values.SelectMany(i => i.Oids));
        gets.AddRange(p.Scalars.Select(s => s.Oid!.Value));
        p.GetOids = [.. gets.Distinct()];

        var walks = new List<Oid>();
        foreach (var t in p.Tables)
        {
            var columns = new SortedSet<uint>();
            foreach (var m in t.Metrics)
            {
                columns.Add(m.Column);
                var templates = m.Labels.Select(l => l.Value).Concat(m.When.Select(w => w.Value))
                    .Append(m.Transform.Scale).Append(m.Transform.UnitTemplate).OfType<Template>();
                foreach (var c in templates.SelectMany(x => x.Columns))
                {
                    columns.Add(c);
                }
            }

            t.Columns = [.. columns];
            walks.AddRange(columns.Select(c => t.Entry.Append(c)));
        }

        p.WalkOids = Deduplicate(walks);
        p.LookupWalkOids = Deduplicate(p.Lookups.Values.Select(l => l.Walk)).Where(o => !p.WalkOids.Any(w => w.IsPrefixOf(o))).ToArray();
    }

    /// <summary>Sorted, without duplicates, and without subtrees already covered by a walked ancestor.</summary>
    internal static Oid[] Deduplicate(IEnumerable<Oid> oids)
    {
        var sorted = oids.Distinct().OrderBy(o => o).ToList();
        var result = new List<Oid>(sorted.Count);
        foreach (var o in sorted)
        {
            if (result.Count == 0 || !result[^1].IsPrefixOf(o))
            {
                result.Add(o);
            }
        }

        return [.. result];
    }
}
