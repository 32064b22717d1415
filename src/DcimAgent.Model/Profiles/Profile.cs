using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// A compiled device profile: how to recognise a model family and how to turn its SNMP objects into samples.
/// Built by <see cref="ProfileLoader"/> from <c>config/profiles/*.yaml</c> (format: docs/profiles.md).
/// Immutable and shared by every target that uses it.
/// </summary>
public sealed class Profile
{
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>pdu, ups, chiller, crah, inrow, meter, sensor_hub, accelerator_host, server.</summary>
    public required string DeviceClass { get; init; }

    public required ProfileMatchRule Match { get; init; }

    /// <summary>Profiles whose lookups, metrics and tables this one adds to its own (resolved by <see cref="ProfileCatalog"/>).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>vendor, model, serial, firmware: a literal or a GET each.</summary>
    public required IReadOnlyDictionary<string, InfoField> Info { get; init; }

    public required IReadOnlyDictionary<string, LookupDefinition> Lookups { get; init; }

    /// <summary>Metrics read with GET (no table).</summary>
    public required IReadOnlyList<ProfileMetric> Scalars { get; init; }

    public required IReadOnlyList<ProfileTable> Tables { get; init; }

    /// <summary>MIB-versus-data contradictions this profile resolves, in words (shown by <c>profiles list -v</c>).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The file (and line) the profile came from.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Every OID fetched with GET each poll (info fields and scalar metrics), without duplicates.</summary>
    public IReadOnlyList<Oid> GetOids { get; internal set; } = [];

    /// <summary>Every subtree walked each poll (table columns), deduplicated.</summary>
    public IReadOnlyList<Oid> WalkOids { get; internal set; } = [];

    /// <summary>Subtrees walked only when label lookups are refreshed.</summary>
    public IReadOnlyList<Oid> LookupWalkOids { get; internal set; } = [];

    public override string ToString() => Name;
}
