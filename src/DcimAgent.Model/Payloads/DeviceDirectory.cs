using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Payloads;

/// <summary>
/// Turns the device names a subscription meets into <see cref="DeviceIdentity"/> objects, once each.
/// Location labels come from the subscription's labels (and the agent's site), overridden by topic labels of the
/// same name; any other label (<c>sensor</c>, <c>outlet</c>, ...) is a component label added to the families that
/// allow it. Thread-safe.
/// </summary>
public sealed class DeviceDirectory
{
    private readonly Dictionary<(string Name, string Class, string Location), DeviceIdentity> _cache = [];
    private readonly Lock _lock = new();
    private readonly IReadOnlyDictionary<string, string> _labels;

    // The configured labels that are component labels (fixed at construction, so not sorted out per message).
    private readonly KeyValuePair<string, string>[] _configComponents;

    // Answers for topics whose payload names no device (Tasmota, Shelly, value, json by topic): the subscription's
    // topic cache hands over the same label object for a topic every time, so the answer hangs off that object and
    // goes when the topic cache lets go of it. Payload-named devices (Sparkplug, dcim-json) take the keyed cache.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, string>, TopicAnswer> _byTopic = [];

    public DeviceDirectory(
        string? deviceClass = null,
        string? device = null,
        IReadOnlyDictionary<string, string>? labels = null,
        string? site = null,
        string? fallbackDevice = null)
    {
        DeviceClass = deviceClass;
        Device = device;
        FallbackDevice = fallbackDevice;
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(site))
        {
            merged["site"] = site;
        }

        foreach (var (k, v) in labels ?? new Dictionary<string, string>())
        {
            merged[k] = v;
        }

        _labels = merged;
        _configComponents = [.. merged.Where(p => IsComponent(p.Key))];
    }

    /// <summary>Configured class; null lets the format choose its default.</summary>
    public string? DeviceClass { get; }

    /// <summary>Configured device name for topics without <c>{device}</c>.</summary>
    public string? Device { get; }

    /// <summary>Last resort when nothing names the device (the probe's <c>probe</c>).</summary>
    public string? FallbackDevice { get; }

    /// <summary>
    /// The identity of a message's device: the topic's <c>{device}</c>, else the name the payload gives, else the
    /// subscription's <c>device</c>, else the fallback. Null when none of them exists.
    /// </summary>
    public DeviceIdentity? Resolve(IReadOnlyDictionary<string, string> topicLabels, string? payloadDevice, string formatDefaultClass)
    {
        if (payloadDevice is null && _byTopic.TryGetValue(topicLabels, out var known)
            && string.Equals(known.DefaultClass, formatDefaultClass, StringComparison.Ordinal))
        {
            return known.Identity;
        }

        var identity = ResolveUncached(topicLabels, payloadDevice, formatDefaultClass);
        if (identity is not null && payloadDevice is null)
        {
            _byTopic.AddOrUpdate(topicLabels, new TopicAnswer(formatDefaultClass, identity));
        }

        return identity;
    }

    private DeviceIdentity? ResolveUncached(IReadOnlyDictionary<string, string> topicLabels, string? payloadDevice, string formatDefaultClass)
    {
        string? name = null;
        if (topicLabels.TryGetValue("device", out var fromTopic) && fromTopic.Length > 0)
        {
            name = fromTopic;
        }
        else if (!string.IsNullOrEmpty(payloadDevice))
        {
            name = payloadDevice;
        }
        else if (!string.IsNullOrEmpty(Device))
        {
            name = Device;
        }
        else if (!string.IsNullOrEmpty(FallbackDevice))
        {
            name = FallbackDevice;
        }

        if (name is null)
        {
            return null;
        }

        var cls = DeviceClass ?? formatDefaultClass;

        // Keyed by (name, class, location text): a tuple, so the common case (no location in the topic) builds
        // no string per message.
        var key = (name, cls, LocationKey(topicLabels));
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var known))
            {
                return known;
            }

            var location = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var loc in DeviceIdentity.LocationLabelNames)
            {
                if (topicLabels.TryGetValue(loc, out var v) || _labels.TryGetValue(loc, out v))
                {
                    location[loc] = v;
                }
            }

            var identity = new DeviceIdentity(name, cls, location);
            _cache[key] = identity;
            return identity;
        }
    }

    /// <summary>Labels that are neither identity nor location: candidates for families' component labels.</summary>
    public void CollectComponentLabels(IReadOnlyDictionary<string, string> topicLabels, List<KeyValuePair<string, string>> into)
    {
        into.Clear();
        if (topicLabels.Count == 0)
        {
            into.AddRange(_configComponents);
            return;
        }

        foreach (var p in _configComponents)
        {
            if (!topicLabels.ContainsKey(p.Key))
            {
                into.Add(p);
            }
        }

        // Topic templates hand over a Dictionary: enumerated as one, its enumerator is a struct, not an
        // allocation per message.
        if (topicLabels is Dictionary<string, string> concrete)
        {
            foreach (var p in concrete)
            {
                if (IsComponent(p.Key))
                {
                    into.Add(p);
                }
            }

            return;
        }

        foreach (var p in topicLabels)
        {
            if (IsComponent(p.Key))
            {
                into.Add(p);
            }
        }
    }

    private static bool IsComponent(string name)
    {
        if (string.Equals(name, "device", StringComparison.Ordinal) || string.Equals(name, "device_class", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var loc in DeviceIdentity.LocationLabelNames)
        {
            if (string.Equals(name, loc, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The location labels a topic carries, joined (empty when it carries none, the usual case).</summary>
    private static string LocationKey(IReadOnlyDictionary<string, string> topicLabels)
    {
        var hasLocation = false;
        foreach (var loc in DeviceIdentity.LocationLabelNames)
        {
            if (topicLabels.ContainsKey(loc))
            {
                hasLocation = true;
                break;
            }
        }

        if (!hasLocation)
        {
            return string.Empty;
        }

        var parts = new List<string>(5);
        foreach (var loc in DeviceIdentity.LocationLabelNames)
        {
            parts.Add(topicLabels.TryGetValue(loc, out var v) ? v : string.Empty);
        }

        return string.Join('\u0001', parts);
    }

    private sealed record TopicAnswer(string DefaultClass, DeviceIdentity Identity);
}
