namespace DcimAgent.Mqtt;

/// <summary>
/// One string object per topic: MQTTnet decodes a new topic string for every message, and a message waiting in
/// the queue keeps it alive through garbage collections; queued under a flood, thousands of copies of the same few
/// topics were promoted out of the youngest generation. The handler swaps each for the first one seen.
/// Bounded like <see cref="TopicMatchCache"/>: past <see cref="Capacity"/> topics it starts over. Used by MQTTnet's
/// message handler only, which MQTTnet calls one message at a time per connection; the lock is for safety, not
/// contention.
/// </summary>
internal sealed class TopicStrings
{
    public const int Capacity = 4096;

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

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

    public string Canonical(string topic)
    {
        lock (_lock)
        {
            if (_known.TryGetValue(topic, out var known))
            {
                return known;
            }

            if (_known.Count >= Capacity)
            {
                _known.Clear();
            }

            _known.Add(topic);
            return topic;
        }
    }
}
