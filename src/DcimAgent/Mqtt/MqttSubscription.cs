using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads;
using DcimAgent.Model.Payloads.Sparkplug;

namespace DcimAgent.Mqtt;

/// <summary>
/// One entry of <c>mqtt.subscriptions</c> at run time: its topic template, its payload mapper and the state
/// around them (device directory, message counters, last message per device for <c>expect_every</c>).
/// <see cref="Process"/> is the single path from received bytes to the store, used by live messages and by the
/// <c>probe</c> verb alike. Messages are processed by one consumer at a time; the silence check may run beside it.
/// </summary>
public sealed class MqttSubscription
{
    private readonly SampleBatch _batch = new();
    private readonly LabelSet _acceptedLabels;
    private readonly LabelSet _rejectedLabels;
    private readonly Dictionary<DeviceIdentity, long> _lastSeen = [];
    private readonly HashSet<DeviceIdentity> _silent = [];
    private readonly Lock _lock = new();
    private long _accepted;
    private long _rejected;

    public MqttSubscription(MqttSubscriptionConfig config, int index, string? site, long startMs, string? fallbackDevice = null)
    {
        var where = $"mqtt.subscriptions[{index}]";
        Name = string.IsNullOrEmpty(config.Name) ? throw new ArgumentException($"{where}.name is required") : config.Name;
        Config = config;
        try
        {
            Template = TopicTemplate.Parse(config.Topic);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{where}.topic: {e.Message}", e);
        }

        Topics = new TopicMatchCache(Template);
        if (config.Qos is < 0 or > 2)
        {
            throw new ArgumentException($"{where}.qos: {config.Qos} is not 0, 1 or 2");
        }

        if (config.ExpectEvery is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{where}.expect_every must be positive");
        }

        var options = new PayloadMapperOptions
        {
            Subscription = Name,
            Rules = MappingRules.Build(config.Mappings, where),
            ValueRule = config.Format == "value" ? MappingRules.BuildValueRule(config, where) : null,
            MaxPayloadBytes = config.MaxPayloadBytes > 0 ? config.MaxPayloadBytes : throw new ArgumentException($"{where}.max_payload_bytes must be positive"),
        };
        try
        {
            Mapper = PayloadFormats.Create(config.Format, options);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{where}.format: {e.Message}", e);
        }

        if (config.DeviceClass is { } cls && !DeviceIdentity.DeviceClasses.Contains(cls, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{where}.device_class: '{cls}' is not one of {string.Join(", ", DeviceIdentity.DeviceClasses)}");
        }

        Directory = new DeviceDirectory(config.DeviceClass, config.Device, config.Labels, site, fallbackDevice);
        _acceptedLabels = LabelSet.Of(("subscription", Name), ("result", "accepted"));
        _rejectedLabels = LabelSet.Of(("subscription", Name), ("result", "rejected"));

        // A configured device that never speaks must still go down after 3 × expect_every.
        if (config.ExpectEvery is not null && Directory.Resolve(PayloadMessage.NoLabels, null, Mapper.DefaultDeviceClass) is { } known
            && !string.IsNullOrEmpty(config.Device))
        {
            _lastSeen[known] = startMs;
        }
    }

    public string Name { get; }

    public MqttSubscriptionConfig Config { get; }

    public TopicTemplate Template { get; }

    /// <summary>The template's matches of the topics seen so far (what <see cref="Process"/> and routing use).</summary>
    public TopicMatchCache Topics { get; }

    public PayloadMapper Mapper { get; }

    public DeviceDirectory Directory { get; }

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Sparkplug sequence numbers found missing (0 for other formats).</summary>
    public long SeqGaps => (Mapper as SparkplugFormat)?.SeqGaps ?? 0;

    /// <summary>The batch of the last processed message (the probe prints it).</summary>
    public SampleBatch LastBatch => _batch;

    /// <summary>Maps one message and, when it is accepted, stores it whole; counts the outcome in the store.</summary>
    public PayloadOutcome Process(string topic, ReadOnlyMemory<byte> payload, long receivedMs, ISampleSink sink)
    {
        PayloadOutcome outcome;
        if (!Topics.TryMatch(topic, out var labels))
        {
            outcome = PayloadOutcome.Reject($"topic does not match '{Template.Text}'");
        }
        else
        {
            outcome = Mapper.Map(new PayloadMessage(topic, labels, payload, receivedMs), Directory, _batch);
        }

        if (outcome.Accepted)
        {
            lock (_lock)
            {
                _batch.CommitTo(sink);

                // Indexed loops: a foreach over IReadOnlyList boxes an enumerator per message.
                var touched = _batch.Touched;
                for (var i = 0; i < touched.Count; i++)
                {
                    _lastSeen[touched[i]] = receivedMs;
                    _silent.Remove(touched[i]);
                }

                var down = _batch.Down;
                for (var i = 0; i < down.Count; i++)
                {
                    _lastSeen.Remove(down[i]);
                }
            }
        }

        Count(outcome.Accepted, receivedMs, sink);
        return outcome;
    }

    /// <summary>A message too large to copy off the socket: rejected unread.</summary>
    public PayloadOutcome RejectOversize(int length, long receivedMs, ISampleSink sink)
    {
        Count(false, receivedMs, sink);
        return PayloadOutcome.Reject($"payload of {length} bytes exceeds max_payload_bytes {Config.MaxPayloadBytes}");
    }

    /// <summary>Writes the counters as they stand (0/0 at start, so the series exist before the first message).</summary>
    public void WriteCounters(long nowMs, ISampleSink sink)
    {
        sink.Write(new Sample(MetricCatalog.MqttMessages, null, _acceptedLabels, Accepted, nowMs));
        sink.Write(new Sample(MetricCatalog.MqttMessages, null, _rejectedLabels, Rejected, nowMs));
    }

    /// <summary>
    /// <c>expect_every</c>: every device silent for more than three periods gets <c>dcim_device_up 0</c> (once,
    /// until it speaks again). Returns the devices that went silent now.
    /// </summary>
    public IReadOnlyList<DeviceIdentity> CheckSilence(long nowMs, ISampleSink sink)
    {
        if (Config.ExpectEvery is not { } every)
        {
            return [];
        }

        var limit = (long)(every.TotalMilliseconds * 3);
        List<DeviceIdentity>? now = null;
        lock (_lock)
        {
            foreach (var (device, last) in _lastSeen)
            {
                if (nowMs - last > limit && _silent.Add(device))
                {
                    sink.Write(new Sample(MetricCatalog.DeviceUp, device, LabelSet.Empty, 0, nowMs));
                    (now ??= []).Add(device);
                }
            }
        }

        return now ?? (IReadOnlyList<DeviceIdentity>)[];
    }

    private void Count(bool accepted, long nowMs, ISampleSink sink)
    {
        if (accepted)
        {
            sink.Write(new Sample(MetricCatalog.MqttMessages, null, _acceptedLabels, Interlocked.Increment(ref _accepted), nowMs));
        }
        else
        {
            sink.Write(new Sample(MetricCatalog.MqttMessages, null, _rejectedLabels, Interlocked.Increment(ref _rejected), nowMs));
        }
    }
}
