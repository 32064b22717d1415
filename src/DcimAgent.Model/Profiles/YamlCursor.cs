using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// A YAML node with its key path and file, so every error the loader reports reads
/// <c>file:line: tables[2].metrics[0].unit: message</c>. Errors are collected, not thrown, so one run shows them all.
/// </summary>
internal readonly struct YamlCursor
{
    public YamlCursor(YamlNode node, string path, string file, List<string> errors)
    {
        Node = node;
        Path = path;
        File = file;
        Errors = errors;
    }

    public YamlNode Node { get; }

    public string Path { get; }

    public string File { get; }

    public List<string> Errors { get; }

    public long Line => Node.Start.Line;

    public void Error(string message) => Errors.Add($"{File}:{Line}: {(Path.Length == 0 ? "(top)" : Path)}: {message}");

    public bool IsMapping => Node is YamlMappingNode;

    /// <summary>The child under <paramref name="key"/>, if present.</summary>
    public YamlCursor? Child(string key)
    {
        if (Node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child))
        {
            return new YamlCursor(child, Path.Length == 0 ? key : $"{Path}.{key}", File, Errors);
        }

        return null;
    }

    /// <summary>Reports keys outside <paramref name="allowed"/> (typos must not pass silently).</summary>
    public void OnlyKeys(params string[] allowed)
    {
        if (Node is not YamlMappingNode map)
        {
            Error("expected a mapping");
            return;
        }

        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                new YamlCursor(key, Path.Length == 0 ? name : $"{Path}.{name}", File, Errors)
                    .Error($"unknown key (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public IEnumerable<KeyValuePair<string, YamlCursor>> Entries()
    {
        if (Node is not YamlMappingNode map)
        {
            Error("expected a mapping");
            yield break;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            yield return new(name, new YamlCursor(value, Path.Length == 0 ? name : $"{Path}.{name}", File, Errors));
        }
    }

    /// <summary>A sequence's items, or this node alone when it is a scalar (so <c>x: a</c> means <c>x: [a]</c>).</summary>
    public IEnumerable<YamlCursor> Items()
    {
        if (Node is YamlScalarNode)
        {
            yield return this;
            yield break;
        }

        if (Node is not YamlSequenceNode seq)
        {
            Error("expected a list");
            yield break;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            yield return new YamlCursor(item, $"{Path}[{i++}]", File, Errors);
        }
    }

    public string? Text()
    {
        if (Node is YamlScalarNode s)
        {
            return s.Value;
        }

        Error("expected a single value");
        return null;
    }

    public double? Number()
    {
        var t = Text();
        if (t is null)
        {
            return null;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        Error($"'{t}' is not a number");
        return null;
    }

    public bool? Bool()
    {
        var t = Text();
        switch (t)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error($"'{t}' is not true or false");
                return null;
        }
    }
}
