using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Client;

public sealed partial class SnmpClient
{
    /// <summary>Most subtrees asked for in one GetBulk.</summary>
    internal const int MaxColumnsPerRequest = 16;

    /// <summary>
    /// Varbinds asked for per GetBulk when several subtrees share it, as a multiple of max-repetitions: about
    /// what a single walk of 4 columns would fetch in 4 requests, in one (≈ 4-6 KB for typical PDU tables).
    /// </summary>
    internal const int MultiWalkBudgetFactor = 4;

    /// <summary>Most scalars carried as non-repeaters in the first GetBulk of a walk.</summary>
    internal const int MaxCarriedScalars = 32;

    /// <summary>
    /// Walks several subtrees at once (the way snmptable reads a table): each GetBulk carries the cursor of every
    /// unfinished subtree, so a device whose profile walks ten small columns answers in one or two round trips
    /// instead of ten. The reply's bindings are repetition-major (RFC 3416 §4.2.3: the i-th binding of each
    /// repetition continues the i-th requested OID); a subtree is finished at its first binding outside it (or an
    /// exception) and leaves the next request. On tooBig or no answer the request shrinks (fewer repetitions,
    /// then fewer subtrees) down to one binding before it gives up, as a single walk does. SNMPv1, and walks
    /// that need net-snmp's output quirks, go subtree by subtree through <see cref="WalkAsync"/>.
    /// </summary>
    public Task<WalkManyResult> WalkManyAsync(
        SnmpTarget target, IReadOnlyList<Oid> roots, WalkOptions? options = null, CancellationToken cancellationToken = default) =>
        WalkManyAsync(target, roots, [], options, cancellationToken);

    /// <summary>
    /// <see cref="WalkManyAsync(SnmpTarget, IReadOnlyList{Oid}, WalkOptions?, CancellationToken)"/> that also reads
    /// scalar instances (OIDs ending in .0) in its first request, as GetBulk non-repeaters: GETNEXT of a scalar's
    /// object OID is its .0 instance when the object exists, so a poll needs no separate GET round trip. Scalars
    /// answered with anything but their own instance are left out of <see cref="WalkManyResult.Scalars"/> (the
    /// caller GETs them, so absent objects keep GET's noSuchObject meaning); when the scalars could not ride along
    /// (v1, no walk, not .0 instances, too many, an error status) <see cref="WalkManyResult.Scalars"/> is null.
    /// A timeout of that first request fails the whole call, as the GET would have.
    /// </summary>
    public async Task<WalkManyResult> WalkManyAsync(
        SnmpTarget target, IReadOnlyList<Oid> roots, IReadOnlyList<Oid> scalars, WalkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(scalars);
        options ??= new WalkOptions();
        var reps = Math.Max(1, options.MaxRepetitions ?? target.MaxRepetitions);
        var bulk = options.UseGetBulk && target.Version != SnmpVersion.V1 && !options.IncludeTerminalException && !options.GetRootWhenEmpty;
        var carry = bulk && roots.Count > 0 && CanCarry(scalars);
        if (!carry && (roots.Count <= 1 || !bulk))
        {
            return await WalkOneByOneAsync(target, roots, options, cancellationToken).ConfigureAwait(false);
        }

        var columns = new WalkColumn[roots.Count];
        for (var i = 0; i < roots.Count; i++)
        {
            columns[i] = new WalkColumn(roots[i], options.AllowNonIncreasing, includeTerminalException: false);
        }

        var active = new List<WalkColumn>(columns);
        var budget = reps * MultiWalkBudgetFactor;
        var maxColumns = MaxColumnsPerRequest;
        var got = new bool[MaxColumnsPerRequest];
        var progressed = new bool[MaxColumnsPerRequest];
        List<VarBind>? answered = null;
        while (active.Count > 0)
        {
            var first = 0;
            var n = carry ? scalars.Count : 0;
            var k = Math.Min(active.Count, maxColumns);
            var perColumn = Math.Clamp((budget - n) / k, 1, reps);
            var oids = new Oid[n + k];
            for (var i = 0; i < n; i++)
            {
                oids[i] = new Oid(scalars[i].Arcs[..^1]);
            }

            for (var i = 0; i < k; i++)
            {
                oids[n + i] = active[i].Cursor;
            }

            var r = await GetBulkAsync(target, n, perColumn, oids, cancellationToken).ConfigureAwait(false);
            if (carry)
            {
                carry = false;
                if (!r.IsSuccess && r.Error!.Kind == SnmpErrorKind.Timeout)
                {
                    return Failed(columns, active[0], r.Error);
                }

                if (!r.IsSuccess || r.Value!.Count < n)
                {
                    // tooBig or another refusal: the scalars go by GET instead, the walk asks again without them.
                    continue;
                }

                answered = [];
                for (var i = 0; i < n; i++)
                {
                    var vb = r.Value![i];
                    if (vb.Oid == scalars[i] && !vb.Value.IsException)
                    {
                        answered.Add(vb);
                    }
                }

                first = n;
            }

            if (!r.IsSuccess)
            {
                var error = r.Error!;
                if (k * perColumn > 1 && (error.Kind == SnmpErrorKind.Timeout || error.ErrorStatus == SnmpErrorStatus.TooBig))
                {
                    // A smaller reply may fit the agent's buffer or arrive within the timeout.
                    if (perColumn > 1)
                    {
                        budget = Math.Max(k, budget / 2);
                    }
                    else
                    {
                        maxColumns = Math.Max(1, k / 2);
                    }

                    continue;
                }

                return Failed(columns, active[0], error);
            }

            var vbs = r.Value!;
            if (vbs.Count == first)
            {
                break;
            }

            // Only subtrees that received bindings can have made progress or ended; an agent may return fewer
            // repetitions than asked (even fewer bindings than subtrees), and the rest simply ask again.
            Array.Clear(got);
            Array.Clear(progressed);
            for (var i = first; i < vbs.Count; i++)
            {
                var c = (i - first) % k;
                var column = active[c];
                got[c] = true;
                if (column.Done)
                {
                    continue;
                }

                if (column.Accept(vbs[i], options.MaxVarBinds))
                {
                    progressed[c] = true;
                }
                else if (column.Failure is { } failure)
                {
                    return Failed(columns, column, new SnmpError(SnmpErrorKind.Other, failure));
                }
            }

            var anyProgress = false;
            for (var c = 0; c < k; c++)
            {
                if (got[c] && !progressed[c])
                {
                    active[c].Done = true;
                }

                anyProgress |= progressed[c];
            }

            if (!anyProgress)
            {
                break;
            }

            active.RemoveAll(c => c.Done);
        }

        var results = new IReadOnlyList<VarBind>[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            results[i] = columns[i].Results;
        }

        return new WalkManyResult(results) { Scalars = answered };
    }

    /// <summary>Scalar instances (x.0) a GetBulk can carry as non-repeaters next to the walk.</summary>
    private static bool CanCarry(IReadOnlyList<Oid> scalars)
    {
        if (scalars.Count == 0 || scalars.Count > MaxCarriedScalars)
        {
            return false;
        }

        foreach (var oid in scalars)
        {
            if (oid.Length < 2 || oid[oid.Length - 1] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<WalkManyResult> WalkOneByOneAsync(SnmpTarget target, IReadOnlyList<Oid> roots, WalkOptions options, CancellationToken cancellationToken)
    {
        var results = new IReadOnlyList<VarBind>[roots.Count];
        for (var i = 0; i < roots.Count; i++)
        {
            var r = await WalkAsync(target, roots[i], options, cancellationToken).ConfigureAwait(false);
            if (!r.IsSuccess)
            {
                results[i] = r.Error!.PartialResults ?? [];
                for (var j = i + 1; j < roots.Count; j++)
                {
                    results[j] = [];
                }

                return new WalkManyResult(results, r.Error, i);
            }

            results[i] = r.Value!;
        }

        return new WalkManyResult(results);
    }

    private static WalkManyResult Failed(WalkColumn[] columns, WalkColumn failed, SnmpError error)
    {
        var results = new IReadOnlyList<VarBind>[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            results[i] = columns[i].Results;
        }

        return new WalkManyResult(results, error with { PartialResults = failed.Results }, Array.IndexOf(columns, failed));
    }
}
