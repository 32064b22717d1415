namespace DcimAgent.Mqtt;

/// <summary>
/// A subscription topic with named segments: <c>dcim/{site}/{device}/accelerators</c> subscribes to
/// <c>dcim/+/+/accelerators</c> and turns the two segments of each topic into the labels <c>site</c> and
/// <c>device</c>. <c>+</c> and a final <c>#</c> keep their MQTT meaning. A <c>{name}</c> must fill a whole level.
/// </summary>
public sealed class TopicTemplate
{
    private readonly string[] _levels;
    private readonly string?[] _names;

    private TopicTemplate(string text, string[] levels, string?[] names, string filter)
    {
        Text = text;
        _levels = levels;
        _names = names;
        Filter = filter;
    }

    public string Text { get; }

    /// <summary>The MQTT topic filter (names replaced by <c>+</c>).</summary>
    public string Filter { get; }

    public IEnumerable<string> LabelNames => _names.Where(n => n is not null)!;

    public static TopicTemplate Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new FormatException("topic is empty");
        }

        var levels = text.Split('/');
        var names = new string?[levels.Length];
        var filter = new string[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.StartsWith('{') && level.EndsWith('}') && level.Length > 2)
            {
                var name = level[1..^1];
                if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || names.Contains(name))
                {
                    throw new FormatException($"topic '{text}': '{level}' must be a lower-case label name used once");
                }

                names[i] = name;
                filter[i] = "+";
            }
            else if (level.Contains('{', StringComparison.Ordinal) || level.Contains('}', StringComparison.Ordinal))
            {
                throw new FormatException($"topic '{text}': a {{name}} must fill a whole level, not '{level}'");
            }
            else if (level == "#" && i != levels.Length - 1)
            {
                throw new FormatException($"topic '{text}': '#' is allowed only as the last level");
            }
            else if (level != "+" && level != "#" && (level.Contains('+', StringComparison.Ordinal) || level.Contains('#', StringComparison.Ordinal)))
            {
                throw new FormatException($"topic '{text}': '+' and '#' must fill a whole level");
            }
            else
            {
                filter[i] = level;
            }
        }

        return new TopicTemplate(text, levels, names, string.Join('/', filter));
    }

    /// <summary>The filter to subscribe to: <c>$share/GROUP/filter</c> for an MQTT 5 shared subscription.</summary>
    public string SubscribeFilter(string? shareGroup) =>
        string.IsNullOrEmpty(shareGroup) ? Filter : $"$share/{shareGroup}/{Filter}";

    /// <summary>Matches a topic (MQTT filter rules) and collects the named levels; false when it does not match.</summary>
    public bool TryMatch(string topic, out IReadOnlyDictionary<string, string> labels)
    {
        labels = Model.Payloads.PayloadMessage.NoLabels;
        Dictionary<string, string>? found = null;
        var level = 0;
        var start = 0;
        while (true)
        {
            if (level >= _levels.Length)
            {
                return false;
            }

            var pattern = _levels[level];
            if (pattern == "#")
            {
                // '#' matches the parent level too, and never a topic starting with '$' at the first level.
                return level > 0 || !topic.StartsWith('$');
            }

            var end = topic.IndexOf('/', start);
            var segment = end < 0 ? topic.AsSpan(start) : topic.AsSpan(start, end - start);
            if (_names[level] is { } name)
            {
                if (segment.Length == 0)
                {
                    return false;
                }

                (found ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = segment.ToString();
            }
            else if (pattern != "+" && !segment.SequenceEqual(pattern))
            {
                return false;
            }
            else if (pattern == "+" && level == 0 && topic.StartsWith('$'))
            {
                return false;
            }

            level++;
            if (end < 0)
            {
                // The topic ended: it matches if the template ended too, or only a '#' is left.
                var matched = level == _levels.Length || (level == _levels.Length - 1 && _levels[level] == "#");
                if (matched && found is not null)
                {
                    labels = found;
                }

                return matched;
            }

            start = end + 1;
        }
    }

    public override string ToString() => Text;
}
