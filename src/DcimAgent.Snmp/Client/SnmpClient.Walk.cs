using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Client;

public sealed partial class SnmpClient
{
    /// <summary>
    /// Walks the subtree under <paramref name="root"/>: GetBulk (v2c/v3) or GetNext (v1). On tooBig or no answer
    /// max-repetitions is halved and the step retried. Ends at the first OID outside the subtree or endOfMibView.
    /// A failure mid-walk carries what was collected in <see cref="SnmpError.PartialResults"/>.
    /// </summary>
    public async Task<SnmpResult<IReadOnlyList<VarBind>>> WalkAsync(
        SnmpTarget target, Oid root, WalkOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WalkOptions();
        var bulk = options.UseGetBulk && target.Version != SnmpVersion.V1;
        var reps = Math.Max(1, options.MaxRepetitions ?? target.MaxRepetitions);
        var column = new WalkColumn(root, options.AllowNonIncreasing, options.IncludeTerminalException);
        var results = column.Results;
        while (true)
        {
            var r = bulk
                ? await GetBulkAsync(target, 0, reps, [column.Cursor], cancellationToken).ConfigureAwait(false)
                : await GetNextAsync(target, [column.Cursor], cancellationToken).ConfigureAwait(false);

            if (!r.IsSuccess)
            {
                var error = r.Error!;
                var shrink = bulk && reps > 1 && (error.Kind == SnmpErrorKind.Timeout || error.ErrorStatus == SnmpErrorStatus.TooBig);
                if (shrink)
                {
                    reps = Math.Max(1, reps / 2);
                    continue;
                }

                if (!bulk && error.Kind == SnmpErrorKind.NoSuchObject)
                {
                    // SNMPv1: noSuchName on GetNext means the end of the MIB view (RFC 3584 §4.1.2.3).
                    break;
                }

                return SnmpResult.Fail<IReadOnlyList<VarBind>>(error with { PartialResults = results });
            }

            var vbs = r.Value!;
            if (vbs.Count == 0)
            {
                break;
            }

            var progressed = false;
            foreach (var vb in vbs)
            {
                if (column.Accept(vb, options.MaxVarBinds))
                {
                    progressed = true;
                    continue;
                }

                if (column.Failure is { } failure)
                {
                    return SnmpResult.Fail<IReadOnlyList<VarBind>>(new SnmpError(SnmpErrorKind.Other, failure) { PartialResults = results });
                }

                break;
            }

            if (column.Done || !progressed)
            {
                break;
            }
        }

        if (results.Count == 0 && options.GetRootWhenEmpty)
        {
            var g = await GetAsync(target, [root], cancellationToken).ConfigureAwait(false);
            if (g.IsSuccess)
            {
                foreach (var vb in g.Value!)
                {
                    if (!vb.Value.IsException)
                    {
                        results.Add(vb);
                    }
                }
            }
            else if (g.Error!.Kind is not SnmpErrorKind.NoSuchObject)
            {
                return SnmpResult.Fail<IReadOnlyList<VarBind>>(g.Error);
            }
        }

        return SnmpResult.Ok<IReadOnlyList<VarBind>>(results);
    }
}
