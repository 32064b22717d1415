using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Polling;

/// <summary>
/// Acceptance 2: 50 healthy devices, one that never answers and one that answers after 3 s, on a real clock.
/// The healthy ones must keep their slots; the dead one must show up 0 with reason timeout.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class PollSchedulerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_DeadAndSlowTargets_HealthyOnesKeepSchedule()
    {
        var catalog = ProfileCatalog.Load([RepoPaths.RepoFile("config", "profiles")]);
        var recording = SnmprecFile.Load(RepoPaths.Fixture("snmprec", "apc_ap8959eu3.snmprec"));
        var interval = TimeSpan.FromSeconds(4);
        var targets = new List<PollTarget>();
        for (var i = 0; i < 50; i++)
        {
            targets.Add(new PollTarget($"pdu-{i:00}", "auto", null, new Dictionary<string, string>(), interval, new SnmprecQuerier(recording)));
        }

        var recordingText = await File.ReadAllTextAsync(RepoPaths.Fixture("snmprec", "apc_ap8959eu3.snmprec"));
        var dead = new PollTarget("dead", "auto", "pdu", new Dictionary<string, string>(), interval, new ScriptedQuerier(recordingText, dead: true));
        var slow = new PollTarget("slow", "apc-rpdu2", null, new Dictionary<string, string>(), interval, new ScriptedQuerier(recordingText, delay: TimeSpan.FromSeconds(3)));
        targets.Add(dead);
        targets.Add(slow);

        var store = new SeriesStore();
        var poller = new DevicePoller(catalog, store, TimeProvider.System, labelRefreshPolls: 20);
        using var scheduler = new PollScheduler(poller, TimeProvider.System, concurrency: 8);
        using var run = new CancellationTokenSource(TimeSpan.FromSeconds(11));
        await scheduler.RunAsync(targets, run.Token);

        var healthy = targets.Take(50).ToList();
        var worst = healthy.Max(t => t.MaxLateness);
        output.WriteLine($"healthy: {healthy.Sum(t => t.Polls)} polls, worst lateness {worst.TotalMilliseconds:0.0} ms, mean {healthy.Average(t => t.MaxLateness.TotalMilliseconds):0.0} ms");
        output.WriteLine($"slow: {slow.Polls} polls, up={slow.Up}; dead: {dead.Polls} polls, errors={string.Join(",", dead.Errors)}");

        Assert.All(healthy, t => Assert.True(t.Polls >= 2, $"{t.Name} polled {t.Polls} times"));
        // Generous bound for shared CI machines; the slow device's 3 s and the dead one's budget are far above it.
        Assert.True(worst < TimeSpan.FromSeconds(2), $"a healthy target started {worst.TotalMilliseconds} ms late");
        Assert.True(slow.Up);
        Assert.Equal(false, dead.Up);
        Assert.True(dead.Errors["timeout"] >= 1);
        Assert.True(store.TryGet(MetricCatalog.DeviceUp, dead.Identity, LabelSet.Empty, out var up));
        Assert.Equal(0, up);
        Assert.True(store.TryGet(MetricCatalog.PollErrors, dead.Identity, LabelSet.Of(("reason", "timeout")), out var timeouts));
        Assert.Equal(dead.Errors["timeout"], timeouts);
        Assert.True(store.TryGet(MetricCatalog.PduPower, slow.Identity, LabelSet.Empty, out var slowPower));
        Assert.Equal(270, slowPower);
    }

    [Fact]
    public void Offset_SameName_SameSlotEveryTime_AndNamesSpreadOverTheInterval()
    {
        var interval = TimeSpan.FromSeconds(60);

        Assert.Equal(PollScheduler.Offset("pdu-a1", interval), PollScheduler.Offset("pdu-a1", interval));
        var slots = Enumerable.Range(0, 1000).Select(i => (int)(PollScheduler.Offset($"rack{i}-pdu", interval).TotalSeconds / 6)).ToList();
        for (var bucket = 0; bucket < 10; bucket++)
        {
            var n = slots.Count(s => s == bucket);
            Assert.InRange(n, 60, 140);
        }
    }
}
