using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Snmp;

namespace DcimAgent.Tests.Support;

/// <summary>
/// An <see cref="ISnmpQuerier"/> over recording text that a test can replace between polls (a counter that
/// wraps, a device that reboots), with an optional delay or a device that never answers.
/// </summary>
public sealed class ScriptedQuerier : ISnmpQuerier
{
    private SnmprecFile _file;

    public ScriptedQuerier(string snmprecText, TimeSpan delay = default, bool dead = false)
    {
        _file = SnmprecFile.Parse(snmprecText, "scripted");
        Delay = delay;
        Dead = dead;
    }

    /// <summary>How long each GET takes to answer (walks answer at once): one slow exchange per poll.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Never answers: each request waits until its poll's budget cancels it (a timeout).</summary>
    public bool Dead { get; set; }

    public void Replace(string snmprecText) => _file = SnmprecFile.Parse(snmprecText, "scripted");

    public async ValueTask<SnmpResult> GetAsync(IReadOnlyList<Oid> oids, CancellationToken cancellationToken)
    {
        await Wait(cancellationToken);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return new SnmpResult([.. oids.Select(o => new VarBind(o, _file.Get(o)))]);
    }

    public async ValueTask<SnmpResult> WalkAsync(Oid root, CancellationToken cancellationToken)
    {
        await Wait(cancellationToken);
        return new SnmpResult(_file.Walk(root));
    }

    private async Task Wait(CancellationToken ct)
    {
        if (Dead)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
    }
}
