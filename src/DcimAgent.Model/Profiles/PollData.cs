using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// What one poll fetched from a device: GET results by OID and walk results by root. The mapper reads a
/// column's rows from the walk of that column or of any walked ancestor, so overlapping walks are done once.
/// </summary>
public sealed class PollData
{
    private readonly Dictionary<Oid, SnmpValue> _gets = [];
    private readonly Dictionary<Oid, IReadOnlyList<VarBind>> _walks = [];

    public IReadOnlyDictionary<Oid, SnmpValue> Gets => _gets;

    public IReadOnlyDictionary<Oid, IReadOnlyList<VarBind>> Walks => _walks;

    /// <summary>Varbinds received in total (for the CPU-per-varbind figure).</summary>
    public int VarBindCount { get; private set; }

    public void AddGet(Oid oid, SnmpValue value)
    {
        _gets[oid] = value;
        VarBindCount++;
    }

    public void AddWalk(Oid root, IReadOnlyList<VarBind> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _walks[root] = rows;
        VarBindCount += rows.Count;
    }

    /// <summary>The GET value, or noSuchObject when it was not fetched or not answered.</summary>
    public SnmpValue Get(Oid oid) => _gets.TryGetValue(oid, out var v) ? v : SnmpValue.NoSuchObject;

    /// <summary>The bindings below <paramref name="root"/>: its own walk, else filtered from a walked ancestor.</summary>
    public IReadOnlyList<VarBind> Walk(Oid root)
    {
        if (_walks.TryGetValue(root, out var rows))
        {
            return rows;
        }

        foreach (var (walked, all) in _walks)
        {
            if (walked.IsPrefixOf(root))
            {
                var subset = new List<VarBind>();
                foreach (var vb in all)
                {
                    if (root.IsPrefixOf(vb.Oid) && vb.Oid.Length > root.Length)
                    {
                        subset.Add(vb);
                    }
                }

                _walks[root] = subset;
                return subset;
            }
        }

        return [];
    }
}
