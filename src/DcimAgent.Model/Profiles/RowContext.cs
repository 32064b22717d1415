using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// What templates and conditions see for one row: its index arcs, the row's walked columns, and the
/// target's lookup cache. A scalar is a row with an empty index and no columns.
/// </summary>
public readonly struct RowContext
{
    public RowContext(uint[] index, string indexText, IReadOnlyDictionary<uint, SnmpValue>? columns, LookupCache? lookups)
    {
        Index = index;
        IndexText = indexText;
        Columns = columns;
        Lookups = lookups;
    }

    public uint[] Index { get; }

    /// <summary>The index in dotted form ("1.2"), the key lookups are stored under.</summary>
    public string IndexText { get; }

    public IReadOnlyDictionary<uint, SnmpValue>? Columns { get; }

    public LookupCache? Lookups { get; }

    public static RowContext Scalar(LookupCache? lookups) => new([], string.Empty, null, lookups);
}
