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
}
