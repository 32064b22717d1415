using System.Text.RegularExpressions;
using DcimAgent.Model.Metrics;
using DcimAgent.Snmp;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// Reads one profile YAML file (format: docs/profiles.md) into a <see cref="Profile"/>, checking everything
/// that can be checked without a device: keys, OIDs, families and their labels, units against the family's
/// base unit, templates, states. All errors of a file are reported together, each as file:line: key.path.
/// </summary>
public static partial class ProfileLoader
{
    private static readonly string[] TopKeys =
        ["profile", "description", "device_class", "match", "include", "info", "lookups", "metrics", "tables", "notes"];

    private static readonly string[] InfoKeys = ["vendor", "model", "serial", "firmware"];

    public static Profile LoadFile(string path) => Parse(File.ReadAllText(path), path);

    private static int LoneCarriageReturnLine(string yaml)
    {
        var line = 1;
        for (var i = 0; i < yaml.Length; i++)
        {
            if (yaml[i] == '\r' && (i + 1 == yaml.Length || yaml[i + 1] != '\n'))
            {
                return line;
            }

            if (yaml[i] == '\n')
            {
                line++;
            }
        }

        return 1;
    }

    public static Profile Parse(string yaml, string file)
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            // MergingParser resolves '<<: *anchor' so profiles can share a metric's settings between rows.
            stream.Load(new MergingParser(new Parser(new StringReader(yaml))));
        }
        catch (YamlException e)
        {
            throw new ProfileLoadException($"{file}:{e.Start.Line}: YAML syntax: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on a lone carriage return inside a flow
            // mapping (text pasted from a CRLF MIB); report it as a syntax error at that line, never crash.
            throw new ProfileLoadException($"{file}:{LoneCarriageReturnLine(yaml)}: YAML syntax: unexpected carriage return (CR without LF)");
        }
        catch (ArgumentException)
        {
            // The node builder's "unsupported event" for a mapping entry without a key ("a:\n  : b").
            throw new ProfileLoadException($"{file}: YAML syntax: a mapping entry without a key");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode)
        {
            throw new ProfileLoadException($"{file}:1: a profile file holds one YAML mapping");
        }

        var root = new YamlCursor(stream.Documents[0].RootNode, string.Empty, file, errors);
        root.OnlyKeys(TopKeys);
        var name = Required(root, "profile")?.Text() ?? string.Empty;
        if (name.Length > 0 && !ProfileName().IsMatch(name))
        {
            root.Child("profile")!.Value.Error($"'{name}' must be lower-case letters, digits and dashes");
        }

        var deviceClass = Required(root, "device_class")?.Text() ?? string.Empty;
        if (deviceClass.Length > 0 && !DeviceIdentity.DeviceClasses.Contains(deviceClass, StringComparer.Ordinal))
        {
            root.Child("device_class")!.Value.Error($"'{deviceClass}' is not one of {string.Join(", ", DeviceIdentity.DeviceClasses)}");
        }

        var lookups = ReadLookups(root.Child("lookups"));
        var scalars = new List<ProfileMetric>();
        if (root.Child("metrics") is { } metrics)
        {
            foreach (var m in metrics.Items())
            {
                if (ReadMetric(m, table: false) is { } metric)
                {
                    scalars.Add(metric);
                }
            }
        }

        var tables = new List<ProfileTable>();
        if (root.Child("tables") is { } tableList)
        {
            foreach (var t in tableList.Items())
            {
                if (ReadTable(t) is { } table)
                {
                    tables.Add(table);
                }
            }
        }

        var profile = new Profile
        {
            Name = name,
            Description = root.Child("description")?.Text() ?? string.Empty,
            DeviceClass = deviceClass,
            Match = ReadMatch(root.Child("match")),
            Includes = root.Child("include")?.Items().Select(i => i.Text() ?? string.Empty).ToArray() ?? [],
            Info = ReadInfo(root.Child("info")),
            Lookups = lookups,
            Scalars = scalars,
            Tables = tables,
            Notes = root.Child("notes")?.Items().Select(i => i.Text() ?? string.Empty).ToArray() ?? [],
            Source = file,
        };
        if (errors.Count > 0)
        {
            throw new ProfileLoadException(errors);
        }

        return profile;
    }

    private static YamlCursor? Required(YamlCursor map, string key)
    {
        var c = map.Child(key);
        if (c is null)
        {
            map.Error($"'{key}' is required");
        }

        return c;
    }

    private static Oid? ReadOid(YamlCursor c)
    {
        var t = c.Text();
        if (t is null)
        {
            return null;
        }

        if (Oid.TryParse(t, out var oid) && oid.Length >= 2)
        {
            return oid;
        }

        c.Error($"'{t}' is not a numeric OID");
        return null;
    }

    private static ProfileMatchRule ReadMatch(YamlCursor? c)
    {
        if (c is not { } m)
        {
            return new ProfileMatchRule();
        }

        m.OnlyKeys("sys_object_id", "sys_descr", "requires", "requires_subtree", "priority");
        Regex? descr = null;
        if (m.Child("sys_descr") is { } d && d.Text() is { } pattern)
        {
            try
            {
                descr = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                d.Error($"bad regular expression: {e.Message}");
            }
        }

        return new ProfileMatchRule
        {
            SysObjectIdPrefixes = m.Child("sys_object_id")?.Items().Select(ReadOid).OfType<Oid>().ToArray() ?? [],
            SysDescr = descr,
            Requires = m.Child("requires")?.Items().Select(ReadOid).OfType<Oid>().ToArray() ?? [],
            RequiresSubtree = m.Child("requires_subtree")?.Items().Select(ReadOid).OfType<Oid>().ToArray() ?? [],
            Priority = (int)(m.Child("priority")?.Number() ?? 0),
        };
    }

    private static Dictionary<string, InfoField> ReadInfo(YamlCursor? c)
    {
        var info = new Dictionary<string, InfoField>(StringComparer.Ordinal);
        if (c is not { } map)
        {
            return info;
        }

        map.OnlyKeys(InfoKeys);
        foreach (var (key, value) in map.Entries())
        {
            if (value.Node is YamlScalarNode)
            {
                info[key] = new InfoField(value.Text(), null, []);
                continue;
            }

            value.OnlyKeys("oid", "or", "value");
            var oid = value.Child("oid") is { } o ? ReadOid(o) : null;
            var alternatives = value.Child("or")?.Items().Select(ReadOid).OfType<Oid>().ToArray() ?? [];
            info[key] = new InfoField(value.Child("value")?.Text(), oid, alternatives);
        }

        return info;
    }

    private static Dictionary<string, LookupDefinition> ReadLookups(YamlCursor? c)
    {
        var lookups = new Dictionary<string, LookupDefinition>(StringComparer.Ordinal);
        if (c is not { } map)
        {
            return lookups;
        }

        foreach (var (key, value) in map.Entries())
        {
            var walk = value.IsMapping ? value.Child("walk") : value;
            if (value.IsMapping)
            {
                value.OnlyKeys("walk");
            }

            if (walk is { } w && ReadOid(w) is { } oid)
            {
                lookups[key] = new LookupDefinition(key, oid);
            }
            else if (walk is null)
            {
                value.Error("a lookup needs 'walk: OID'");
            }
        }

        return lookups;
    }

    private static ProfileTable? ReadTable(YamlCursor t)
    {
        t.OnlyKeys("name", "walk", "metrics");
        var entry = Required(t, "walk") is { } w ? ReadOid(w) : null;
        var metrics = new List<ProfileMetric>();
        if (Required(t, "metrics") is { } list)
        {
            foreach (var m in list.Items())
            {
                if (ReadMetric(m, table: true) is { } metric)
                {
                    metrics.Add(metric);
                }
            }
        }

        return entry is null ? null : new ProfileTable
        {
            Name = t.Child("name")?.Text() ?? entry.Value.ToString(),
            Entry = entry.Value,
            Metrics = metrics,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileName();
}
