using DcimAgent.Snmp;

namespace DcimAgent.Model.Querying;

/// <summary>
/// The SNMP operations a poll needs, for one target with its credentials already bound. Implemented over the
/// UDP client for real devices and over a recording (<see cref="SnmprecQuerier"/>) for tests and offline probes.
/// </summary>
public interface ISnmpQuerier
{
    /// <summary>GETs the OIDs (the implementation batches them); missing objects come back as exception values.</summary>
    ValueTask<SnmpResult> GetAsync(IReadOnlyList<Oid> oids, CancellationToken cancellationToken);

    /// <summary>Every binding below <paramref name="root"/>; must tolerate agents that answer out of order.</summary>
    ValueTask<SnmpResult> WalkAsync(Oid root, CancellationToken cancellationToken);

    /// <summary>
    /// Walks every root; one result per root in order, except that the list ends at the first root that failed
    /// with anything but <see cref="SnmpErrorKind.NoSuchObject"/>. The default walks them one after another;
    /// the UDP querier shares round trips between them.
    /// </summary>
    async ValueTask<IReadOnlyList<SnmpResult>> WalkManyAsync(IReadOnlyList<Oid> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var results = new List<SnmpResult>(roots.Count);
        foreach (var root in roots)
        {
            var walked = await WalkAsync(root, cancellationToken);
            results.Add(walked);
            if (!walked.Ok && walked.Error != SnmpErrorKind.NoSuchObject)
            {
                break;
            }
        }

        return results;
    }

    /// <summary>
    /// GETs <paramref name="gets"/> and walks <paramref name="roots"/> (as <see cref="WalkManyAsync"/>); the walks
    /// are skipped when the GET fails. The default does one after the other; the UDP querier lets the first walk
    /// request carry the scalars, saving a round trip per poll.
    /// </summary>
    async ValueTask<(SnmpResult Get, IReadOnlyList<SnmpResult> Walks)> GetAndWalkAsync(
        IReadOnlyList<Oid> gets, IReadOnlyList<Oid> roots, CancellationToken cancellationToken)
    {
        var got = await GetAsync(gets, cancellationToken);
        return got.Ok ? (got, await WalkManyAsync(roots, cancellationToken)) : (got, []);
    }
}
