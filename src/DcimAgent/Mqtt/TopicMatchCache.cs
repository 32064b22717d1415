namespace DcimAgent.Mqtt;

/// <summary>
/// Remembers what a subscription's topic template made of the topics it met: a device publishes on the same
/// topic message after message, and matching it again would allocate a label dictionary and its strings each
/// time. The cached dictionaries are shared and only ever read. Bounded: when <see cref="Capacity"/> distinct
/// topics are known it starts over, so a stream of ever-new topics costs a match each but never grows memory.
/// Thread-safe (the consumer and the probe may both use one subscription).
/// </summary>
public sealed class TopicMatchCache
{
    public const int Capacity = 4096;

    private readonly TopicTemplate _template;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>?> _known = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public TopicMatchCache(TopicTemplate template) => _template = template;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _known.Count;
            }
        }
    }

    /// <summary>As <see cref="TopicTemplate.TryMatch"/>; a topic that does not match is remembered as such.</summary>
    public bool TryMatch(string topic, out IReadOnlyDictionary<string, string> labels)
    {
        lock (_lock)
        {
            if (_known.TryGetValue(topic, out var known))
            {
                labels = known ?? Model.Payloads.PayloadMessage.NoLabels;
                return known is not null;
            }
        }

        var matched = _template.TryMatch(topic, out labels);
        lock (_lock)
        {
            if (_known.Count >= Capacity)
            {
                _known.Clear();
            }

            _known[topic] = matched ? labels : null;
        }

        return matched;
    }
}
