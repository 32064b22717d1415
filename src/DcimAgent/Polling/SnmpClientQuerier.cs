using DcimAgent.Model.Querying;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Client;
using QueryError = DcimAgent.Model.Querying.SnmpErrorKind;
using QueryResult = DcimAgent.Model.Querying.SnmpResult;

namespace DcimAgent.Polling;

/// <summary>
/// <see cref="ISnmpQuerier"/> over the UDP <see cref="SnmpClient"/> for one target: GETs in batches (a v1 agent
/// that rejects a batch for one missing object is asked object by object), walks with GetBulk that tolerate
/// agents answering out of order (Huawei iBMC), several subtrees per request.
/// </summary>
public sealed class SnmpClientQuerier(SnmpClient client, SnmpTarget target) : ISnmpQuerier
{
    private const int GetBatch = 24;
    private static readonly WalkOptions Walk = new() { AllowNonIncreasing = true };

    public async ValueTask<QueryResult> GetAsync(IReadOnlyList<Oid> oids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oids);
        var all = new List<VarBind>(oids.Count);
        for (var i = 0; i < oids.Count; i += GetBatch)
        {
            var batch = oids.Skip(i).Take(GetBatch).ToArray();
            var r = await client.GetAsync(target, batch, cancellationToken);
            if (r.IsSuccess)
            {
                all.AddRange(r.Value!);
                continue;
            }

            if (r.Error!.Kind != Snmp.Client.SnmpErrorKind.NoSuchObject)
            {
                return QueryResult.Failed(Map(r.Error.Kind), r.Error.Message);
            }

            foreach (var oid in batch)
            {
                var one = await client.GetAsync(target, [oid], cancellationToken);
                if (one.IsSuccess)
                {
                    all.AddRange(one.Value!);
                }
                else if (one.Error!.Kind == Snmp.Client.SnmpErrorKind.NoSuchObject)
                {
                    all.Add(new VarBind(oid, SnmpValue.NoSuchObject));
                }
                else
                {
                    return QueryResult.Failed(Map(one.Error.Kind), one.Error.Message);
                }
            }
        }

        return new QueryResult(all);
    }

    public async ValueTask<QueryResult> WalkAsync(Oid root, CancellationToken cancellationToken)
    {
        var r = await client.WalkAsync(target, root, Walk, cancellationToken);
        return r.IsSuccess
            ? new QueryResult(r.Value!)
            : new QueryResult(r.Error!.PartialResults ?? [], Map(r.Error.Kind), r.Error.Message);
    }

    public async ValueTask<IReadOnlyList<QueryResult>> WalkManyAsync(IReadOnlyList<Oid> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        return ToResults(roots, await client.WalkManyAsync(target, roots, Walk, cancellationToken));
    }

    public async ValueTask<(QueryResult Get, IReadOnlyList<QueryResult> Walks)> GetAndWalkAsync(
        IReadOnlyList<Oid> gets, IReadOnlyList<Oid> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gets);
        ArgumentNullException.ThrowIfNull(roots);
        var r = await client.WalkManyAsync(target, roots, gets, Walk, cancellationToken);
        if (!r.IsSuccess && r.Error!.Kind == Snmp.Client.SnmpErrorKind.Timeout && r.Results.All(c => c.Count == 0))
        {
            // Nothing answered the first request: the device is down, as a GET would have found.
            return (QueryResult.Failed(Map(r.Error.Kind), r.Error.Message), []);
        }

        var walks = ToResults(roots, r);
        QueryResult got;
        if (r.Scalars is { } carried && carried.Count == gets.Count)
        {
            got = new QueryResult(carried);
        }
        else
        {
            // Not carried, or some scalar answered with another object: GET those (absent ones become noSuchObject).
            var have = r.Scalars?.ToDictionary(vb => vb.Oid) ?? [];
            var missing = gets.Where(o => !have.ContainsKey(o)).ToArray();
            got = await GetAsync(missing, cancellationToken);
            if (got.Ok && have.Count > 0)
            {
                var fetched = got.VarBinds.ToDictionary(vb => vb.Oid);
                got = new QueryResult(gets.Select(o => have.TryGetValue(o, out var vb) ? vb : fetched.GetValueOrDefault(o, new VarBind(o, SnmpValue.NoSuchObject))).ToArray());
            }
        }

        return got.Ok ? (got, walks) : (got, []);
    }

    private static List<QueryResult> ToResults(IReadOnlyList<Oid> roots, WalkManyResult r)
    {
        var results = new List<QueryResult>(roots.Count);
        for (var i = 0; i < roots.Count; i++)
        {
            if (i == r.FailedRoot)
            {
                results.Add(new QueryResult(r.Results[i], Map(r.Error!.Kind), r.Error.Message));
                break;
            }

            results.Add(new QueryResult(r.Results[i]));
        }

        return results;
    }

    private static QueryError Map(Snmp.Client.SnmpErrorKind kind) => kind switch
    {
        Snmp.Client.SnmpErrorKind.Timeout => QueryError.Timeout,
        Snmp.Client.SnmpErrorKind.Auth => QueryError.Auth,
        Snmp.Client.SnmpErrorKind.Decode => QueryError.Decode,
        Snmp.Client.SnmpErrorKind.NoSuchObject => QueryError.NoSuchObject,
        Snmp.Client.SnmpErrorKind.Refused => QueryError.Refused,
        _ => QueryError.Other,
    };
}
