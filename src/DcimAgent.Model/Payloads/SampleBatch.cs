using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Payloads;

/// <summary>
/// The samples one message produces, collected and checked before any reaches the store, so a message is stored
/// whole or not at all. Every value is checked here the way the store would check it (finite, counters not
/// negative, labels the family allows): a bad value rejects the message with a reason naming where it was.
/// One batch per subscription, reused message after message (not thread-safe).
/// </summary>
public sealed class SampleBatch
{
    private readonly List<Sample> _samples = new(32);
    private readonly List<DeviceIdentity> _touched = new(4);
    private readonly List<DeviceIdentity> _down = new(2);
    private readonly List<KeyValuePair<string, string>> _component = new(4);
    private DeviceDirectory _directory = new();
    private PayloadMessage _message;

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Devices that produced a good reading in this message (they get <c>dcim_device_up 1</c>).</summary>
    public IReadOnlyList<DeviceIdentity> Touched => _touched;

    /// <summary>Devices the message declared gone (Sparkplug DEATH): <c>dcim_device_up 0</c>.</summary>
    public IReadOnlyList<DeviceIdentity> Down => _down;

    public long TimestampMs => _message.ReceivedMs;

    public PayloadMessage Message => _message;

    public void Begin(DeviceDirectory directory, in PayloadMessage message)
    {
        _directory = directory;
        _message = message;
        Clear();
        directory.CollectComponentLabels(message.TopicLabels, _component);
    }

    public void Clear()
    {
        _samples.Clear();
        _touched.Clear();
        _down.Clear();
    }

    /// <summary>The message's device (see <see cref="DeviceDirectory.Resolve"/>); rejects the message when nothing names it.</summary>
    public DeviceIdentity Device(string? payloadDevice, string formatDefaultClass) =>
        _directory.Resolve(_message.TopicLabels, payloadDevice, formatDefaultClass)
        ?? throw new PayloadException("no device name: the topic template has no {device}, the payload names none and the subscription sets no device");

    public void Add(MetricFamily family, DeviceIdentity device, LabelSet labels, double value, string where) =>
        Add(family, device, labels, value, where, string.Empty);

    /// <summary>
    /// As the other overload, with the place given in two parts (<c>ENERGY.</c>, <c>Total</c>) that are joined only
    /// when a reason is written: a good message, the usual case, then builds no string for it.
    /// </summary>
    public void Add(MetricFamily family, DeviceIdentity device, LabelSet labels, double value, string whereParent, string whereName)
    {
        if (!double.IsFinite(value))
        {
            throw new PayloadException($"{whereParent}{whereName}: {value} is not a finite number");
        }

        if (family.Type == MetricType.Counter && value < 0)
        {
            throw new PayloadException($"{whereParent}{whereName}: {family.Name} is a counter and must not be negative ({value})");
        }

        if (family.Type != MetricType.StateSet && family.Unit == "ratio" && (value < 0 || value > 1.5))
        {
            throw new PayloadException($"{whereParent}{whereName}: {family.Name} is a ratio 0..1, got {value}");
        }

        labels = WithComponentLabels(family, labels);
        foreach (var p in labels.Pairs)
        {
            if (!family.AllowsLabel(p.Key))
            {
                throw new PayloadException($"{whereParent}{whereName}: {family.Name} has no label '{p.Key}'");
            }
        }

        _samples.Add(new Sample(family, device, labels, value, _message.ReceivedMs));
        Touch(device);
    }

    /// <summary>Adds one series per state of a state set, the current one 1.</summary>
    public void AddState(MetricFamily family, DeviceIdentity device, LabelSet labels, string state, string where)
    {
        if (!family.States.Contains(state, StringComparer.Ordinal))
        {
            throw new PayloadException($"{where}: '{state}' is not a state of {family.Name} ({string.Join(", ", family.States)})");
        }

        labels = WithComponentLabels(family, labels);
        foreach (var s in Sample.States(family, device, labels, state, _message.ReceivedMs))
        {
            _samples.Add(s);
        }

        Touch(device);
    }

    /// <summary>The device said it is gone: <c>dcim_device_up 0</c> instead of 1.</summary>
    public void MarkDown(DeviceIdentity device)
    {
        if (!_down.Contains(device))
        {
            _down.Add(device);
        }

        _touched.Remove(device);
    }

    /// <summary>The device spoke (a BIRTH without mapped metrics still proves it is alive).</summary>
    public void Touch(DeviceIdentity device)
    {
        if (!_touched.Contains(device) && !_down.Contains(device))
        {
            _touched.Add(device);
        }
    }

    /// <summary>Writes the batch and the health of its devices; returns the number of device samples written.</summary>
    public int CommitTo(ISampleSink sink)
    {
        foreach (var s in _samples)
        {
            sink.Write(s);
        }

        var ts = _message.ReceivedMs;
        foreach (var d in _touched)
        {
            sink.Write(new Sample(MetricCatalog.DeviceUp, d, LabelSet.Empty, 1, ts));
            sink.Write(new Sample(MetricCatalog.DeviceLastSuccess, d, LabelSet.Empty, ts / 1000.0, ts));
        }

        foreach (var d in _down)
        {
            sink.Write(new Sample(MetricCatalog.DeviceUp, d, LabelSet.Empty, 0, ts));
        }

        return _samples.Count;
    }

    private LabelSet WithComponentLabels(MetricFamily family, LabelSet labels)
    {
        foreach (var p in _component)
        {
            if (family.AllowsLabel(p.Key) && labels[p.Key] is null)
            {
                labels = labels.With(p.Key, p.Value);
            }
        }

        return labels;
    }
}
