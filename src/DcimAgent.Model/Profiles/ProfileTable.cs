using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>A conceptual table (its entry OID) and the metrics read from its columns.</summary>
public sealed class ProfileTable
{
    public required string Name { get; init; }

    /// <summary>The table's entry OID; column N is <c>Entry.N</c> and the rest of a cell's OID is the row index.</summary>
    public required Oid Entry { get; init; }

    public required IReadOnlyList<ProfileMetric> Metrics { get; init; }

    /// <summary>Columns walked every poll: metric value columns and columns named by templates.</summary>
    public IReadOnlyList<uint> Columns { get; internal set; } = [];
}
