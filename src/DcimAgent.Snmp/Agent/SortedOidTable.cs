namespace DcimAgent.Snmp.Agent;

/// <summary>An immutable MIB view: varbinds sorted by OID, looked up by binary search.</summary>
public sealed class SortedOidTable
{
    private readonly VarBind[] _rows;

    public SortedOidTable(IEnumerable<VarBind> rows)
    {
        _rows = rows.ToArray();
        Array.Sort(_rows, (a, b) => a.Oid.CompareTo(b.Oid));
        for (var i = 1; i < _rows.Length; i++)
        {
            if (_rows[i].Oid == _rows[i - 1].Oid)
            {
                throw new ArgumentException($"duplicate OID .{_rows[i].Oid}", nameof(rows));
            }
        }
    }

    public int Count => _rows.Length;

    public IReadOnlyList<VarBind> Rows => _rows;

    private int Search(Oid oid)
    {
        int lo = 0, hi = _rows.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _rows[mid].Oid.CompareTo(oid);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>GET semantics (RFC 3416 §4.2.1): the value, noSuchInstance under a known object, else noSuchObject.</summary>
    public SnmpValue Get(Oid oid)
    {
        var i = Search(oid);
        if (i >= 0)
        {
            return _rows[i].Value;
        }

        // An object exists when some instance shares all but the last arc of the requested OID.
        if (oid.Length > 1)
        {
            var parent = new Oid(oid.Arcs[..^1]);
            var next = ~i;
            if (next < _rows.Length && parent.IsPrefixOf(_rows[next].Oid) && _rows[next].Oid.Length == oid.Length)
            {
                return SnmpValue.NoSuchInstance;
            }

            if (next > 0 && parent.IsPrefixOf(_rows[next - 1].Oid) && _rows[next - 1].Oid.Length == oid.Length)
            {
                return SnmpValue.NoSuchInstance;
            }
        }

        return SnmpValue.NoSuchObject;
    }

    /// <summary>GETNEXT semantics (RFC 3416 §4.2.2): the first row after <paramref name="oid"/>, or endOfMibView.</summary>
    public VarBind GetNext(Oid oid)
    {
        var i = Search(oid);
        var next = i >= 0 ? i + 1 : ~i;
        return next < _rows.Length ? _rows[next] : new VarBind(oid, SnmpValue.EndOfMibView);
    }
}
