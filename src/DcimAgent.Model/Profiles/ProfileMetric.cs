using DcimAgent.Model.Metrics;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// One value a profile reads: from a scalar OID (GET) or a table column, with its labels, its row filter and
/// the transform to the family's base unit.
/// </summary>
public sealed class ProfileMetric
{
    public required MetricFamily Family { get; init; }

    /// <summary>Scalar OID (no table); null for a table column.</summary>
    public Oid? Oid { get; init; }

    /// <summary>Table column number; 0 for a scalar.</summary>
    public uint Column { get; init; }

    /// <summary>Component labels by name (templates over index, columns and lookups).</summary>
    public required IReadOnlyList<KeyValuePair<string, Template>> Labels { get; init; }

    /// <summary>
    /// Label templates used instead of <see cref="Labels"/>' own when a row's labels equal a series already written
    /// in this poll (a BMC reporting two sensors under one name): names stay as the device shows them and are made
    /// unique only on a real collision.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Template>> LabelsOnCollision { get; init; } = [];

    /// <summary>Rows (or the scalar) are used only when every condition holds.</summary>
    public IReadOnlyList<RowCondition> When { get; init; } = [];

    public required ValueTransform Transform { get; init; }

    /// <summary>State sets: raw value (text) → state. Unmapped values give <see cref="DefaultState"/>.</summary>
    public IReadOnlyDictionary<string, string>? States { get; init; }

    public string? DefaultState { get; init; }

    /// <summary>Emit only when no other metric of the profile produced this family in the same poll.</summary>
    public bool Fallback { get; init; }

    /// <summary>Fold every row into one series: the sum (server power from its PSUs) or the maximum (UPS load of the busiest phase).</summary>
    public RowAggregate Aggregate { get; init; }

    /// <summary>Where in the profile file this metric is defined, for error messages.</summary>
    public string Where { get; init; } = string.Empty;

    /// <summary>A copy that only fills in when nothing else produced the family (how included profiles yield to the including one).</summary>
    public ProfileMetric AsFallback() => new()
    {
        Family = Family,
        Oid = Oid,
        Column = Column,
        Labels = Labels,
        LabelsOnCollision = LabelsOnCollision,
        When = When,
        Transform = Transform,
        States = States,
        DefaultState = DefaultState,
        Fallback = true,
        Aggregate = Aggregate,
        Where = Where,
    };

    public override string ToString() => $"{Family.Name} ({Where})";
}
