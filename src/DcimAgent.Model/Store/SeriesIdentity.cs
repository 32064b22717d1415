using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>
/// A series' (device, labels) pair as a dictionary key. A named struct rather than a tuple: a tuple of two
/// reference types runs the shared generic code of ValueTuple and EqualityComparer, with a runtime lookup and an
/// interface call per hash and compare — a sixth of the cost of a store write. Writers almost always pass the very
/// objects the series was created with, so reference equality settles most comparisons.
/// </summary>
internal readonly struct SeriesIdentity(DeviceIdentity? device, LabelSet labels) : IEquatable<SeriesIdentity>
{
    public DeviceIdentity? Device { get; } = device;

    public LabelSet Labels { get; } = labels;

    public bool Equals(SeriesIdentity other) =>
        (ReferenceEquals(Device, other.Device) || (Device is not null && Device.Equals(other.Device)))
        && (ReferenceEquals(Labels, other.Labels) || Labels.Equals(other.Labels));

    public override bool Equals(object? obj) => obj is SeriesIdentity other && Equals(other);

    public override int GetHashCode() => ((Device?.GetHashCode() ?? 0) * 31) ^ Labels.GetHashCode();
}
