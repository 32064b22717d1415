using DcimAgent.Model.Snmprec;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Querying;

/// <summary>An <see cref="ISnmpQuerier"/> answering from a recording in memory, with an optional fixed delay.</summary>
public sealed class SnmprecQuerier(SnmprecFile recording, TimeSpan delay = default) : ISnmpQuerier
{
    /// <summary>Requests answered so far (GET batches and walks).</summary>
    public int Requests { get; private set; }

    public async ValueTask<SnmpResult> GetAsync(IReadOnlyList<Oid> oids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oids);
        await Pause(cancellationToken);
        var list = new VarBind[oids.Count];
        for (var i = 0; i < oids.Count; i++)
        {
            list[i] = new VarBind(oids[i], recording.Get(oids[i]));
        }

        return new SnmpResult(list);
    }

    public async ValueTask<SnmpResult> WalkAsync(Oid root, CancellationToken cancellationToken)
    {
        await Pause(cancellationToken);
        return new SnmpResult(recording.Walk(root));
    }

    private async ValueTask Pause(CancellationToken ct)
    {
        Requests++;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, ct);
        }
    }
}
