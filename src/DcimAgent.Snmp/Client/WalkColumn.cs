namespace DcimAgent.Snmp.Client;

/// <summary>
/// One subtree being walked (by <see cref="SnmpClient.WalkAsync"/>, or side by side with others by
/// <see cref="SnmpClient.WalkManyAsync(SnmpTarget, IReadOnlyList{Oid}, WalkOptions?, CancellationToken)"/>):
/// where it stands, what it collected, and whether it is finished.
/// </summary>
internal sealed class WalkColumn
{
    private readonly HashSet<Oid>? _seen;
    private readonly List<VarBind> _results = [];
    private readonly bool _includeTerminalException;
    private bool _haveLast;

    /// <param name="root">The subtree.</param>
    /// <param name="allowNonIncreasing">See <see cref="WalkOptions.AllowNonIncreasing"/>.</param>
    /// <param name="includeTerminalException">See <see cref="WalkOptions.IncludeTerminalException"/>.</param>
    public WalkColumn(Oid root, bool allowNonIncreasing, bool includeTerminalException)
    {
        Root = root;
        Cursor = root;
        _seen = allowNonIncreasing ? [] : null;
        _includeTerminalException = includeTerminalException;
    }

    public Oid Root { get; }

    /// <summary>The OID the next request asks after: the last one accepted, or the root.</summary>
    public Oid Cursor { get; private set; }

    public bool Done { get; set; }

    /// <summary>Set when the agent broke the ordering rules (strict walks only); ends the whole walk.</summary>
    public string? Failure { get; private set; }

    public List<VarBind> Results => _results;

    /// <summary>Takes the next binding the agent returned for this subtree; false when it ends the subtree.</summary>
    public bool Accept(VarBind vb, int maxVarBinds)
    {
        if (vb.Value.IsException || !Root.IsPrefixOf(vb.Oid) || vb.Oid == Root)
        {
            if (_includeTerminalException && vb.Value.IsException && Root.IsPrefixOf(vb.Oid) && vb.Oid != Root)
            {
                _results.Add(vb);
            }

            Done = true;
            return false;
        }

        if (_haveLast && vb.Oid <= Cursor && _seen is null)
        {
            Failure = $"OID not increasing: .{Cursor} >= .{vb.Oid}";
            Done = true;
            return false;
        }

        if (_seen is not null && !_seen.Add(vb.Oid))
        {
            // A repeat: the agent is going round in circles.
            Done = true;
            return false;
        }

        _results.Add(vb);
        Cursor = vb.Oid;
        _haveLast = true;
        if (_results.Count >= maxVarBinds)
        {
            Failure = $"walk stopped after {_results.Count} varbinds";
            Done = true;
            return false;
        }

        return true;
    }
}
