using System.Collections.Concurrent;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Store;
using DcimAgent.Polling;

namespace DcimAgent.Tests.Support;

/// <summary>
/// Collects every poll outcome of a scheduler (its <c>OnPolled</c>) and waits for conditions on them: the fault
/// tests wait for "three failed polls since the outage began" rather than for a fixed time.
/// </summary>
public sealed class PollRecorder
{
    private readonly ConcurrentQueue<(bool Up, string Reason)> _outcomes = new();

    public void Record(PollTarget target, PollOutcome outcome) => _outcomes.Enqueue((outcome.Up, outcome.Up ? "ok" : outcome.Error.Reason()));

    public IReadOnlyList<(bool Up, string Reason)> Outcomes => [.. _outcomes];

    /// <summary>dcim_device_up as it moved: 1→0→1 is [true, false, true].</summary>
    public IReadOnlyList<bool> UpTransitions()
    {
        var list = new List<bool>();
        foreach (var (up, _) in _outcomes)
        {
            if (list.Count == 0 || list[^1] != up)
            {
                list.Add(up);
            }
        }

        return list;
    }

    /// <summary>Waits until <paramref name="count"/> more polls ending with <paramref name="up"/> happened after poll number <paramref name="since"/>.</summary>
    public async Task WaitAsync(int since, bool up, int count, TimeSpan atMost)
    {
        var until = DateTime.UtcNow + atMost;
        while (Outcomes.Skip(since).Count(o => o.Up == up) < count)
        {
            Assert.True(DateTime.UtcNow < until, $"fewer than {count} polls with up={up} within {atMost.TotalSeconds} s; outcomes: {string.Join(",", Outcomes.Select(o => o.Reason))}");
            await Task.Delay(100);
        }
    }

    /// <summary>Every series of one device as "family{labels}" (values left out), sorted.</summary>
    public static string[] SeriesOf(SeriesStore store, string device) =>
        [.. store.Families()
            .SelectMany(f => store.Snapshot(f))
            .Where(s => s.Device?.Device == device)
            .Select(s => $"{s.Family.Name}{{{s.Device!.FormattedLabels}}}{{{s.Labels}}}")
            .Order(StringComparer.Ordinal)];
}
