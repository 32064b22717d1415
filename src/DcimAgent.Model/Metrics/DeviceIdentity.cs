using System.Text;

namespace DcimAgent.Model.Metrics;

/// <summary>
/// Identity and location labels every series of one device carries: <c>device</c>, <c>device_class</c> and
/// the location labels <c>site</c>, <c>room</c>, <c>row</c>, <c>rack</c>, <c>feed</c> where the config sets them.
/// Created once per device; its label text is formatted once and reused by every series.
/// </summary>
public sealed class DeviceIdentity : IEquatable<DeviceIdentity>
{
    private int _hash;

    /// <summary>Location label names in exposition order.</summary>
    public static readonly IReadOnlyList<string> LocationLabelNames = ["site", "room", "row", "rack", "feed"];

    /// <summary>The device classes of spec/metrics.md.</summary>
    public static readonly IReadOnlyList<string> DeviceClasses =
        ["pdu", "ups", "chiller", "crah", "inrow", "meter", "sensor_hub", "accelerator_host", "server"];

    public DeviceIdentity(string device, string deviceClass, IReadOnlyDictionary<string, string>? location = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        Device = device;
        DeviceClass = deviceClass;
        var loc = new List<KeyValuePair<string, string>>(5);
        if (location is not null)
        {
            foreach (var name in LocationLabelNames)
            {
                if (location.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v))
                {
                    loc.Add(new(name, v));
                }
            }
        }

        Location = loc;
        var sb = new StringBuilder(64);
        LabelText.AppendPair(sb, "device", device);
        sb.Append(',');
        LabelText.AppendPair(sb, "device_class", deviceClass);
        foreach (var p in loc)
        {
            sb.Append(',');
            LabelText.AppendPair(sb, p.Key, p.Value);
        }

        FormattedLabels = sb.ToString();
    }

    public string Device { get; }

    public string DeviceClass { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Location { get; }

    /// <summary>Preformatted <c>device="…",device_class="…",rack="…"</c> (escaped).</summary>
    public string FormattedLabels { get; }

    public string? LocationLabel(string name)
    {
        foreach (var p in Location)
        {
            if (string.Equals(p.Key, name, StringComparison.Ordinal))
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>A copy with another class (a profile found the class when the config said auto).</summary>
    public DeviceIdentity WithClass(string deviceClass) =>
        string.Equals(deviceClass, DeviceClass, StringComparison.Ordinal)
            ? this
            : new DeviceIdentity(Device, deviceClass, Location.ToDictionary(p => p.Key, p => p.Value));

    public bool Equals(DeviceIdentity? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(FormattedLabels, other.FormattedLabels, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as DeviceIdentity);

    /// <summary>Hashes the label text once: the store looks series up by (device, labels) on every write.</summary>
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            _hash = StringComparer.Ordinal.GetHashCode(FormattedLabels) | 1;
        }

        return _hash;
    }

    public override string ToString() => Device;
}
