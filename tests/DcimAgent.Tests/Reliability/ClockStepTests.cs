using DcimAgent.Configuration;
using DcimAgent.Facility;
using DcimAgent.Hosting;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Fault: the wall clock steps an hour back and an hour forward (NTP step) while monotonic time runs on. Poll
/// slots, counters in the store, stale-series expiry and the facility energy ledger must not notice.
/// </summary>
public sealed class ClockStepTests(ITestOutputHelper output)
{
    private const string Profile = """
        profile: step-pdu
        device_class: pdu
        match: {sys_object_id: ["1.3.6.1.4.1.99999"]}
        metrics:
          - {family: dcim_pdu_energy_joules_total, oid: 1.3.6.1.4.1.99999.1.0, unit: Wh}
          - {family: dcim_pdu_power_watts, oid: 1.3.6.1.4.1.99999.2.0, unit: W}
        """;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static string Recording(uint upTime, uint wh) => $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1
        1.3.6.1.2.1.1.3.0|67|{upTime}
        1.3.6.1.4.1.99999.1.0|65|{wh}
        1.3.6.1.4.1.99999.2.0|2|1000
        """;

    [Fact]
    public async Task PollScheduler_WallStepsBackAndForward_OnePollPerIntervalAndCounterExact()
    {
        var clock = new SteppedClock(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var store = new SeriesStore();
        var catalog = ProfileCatalog.FromProfiles([ProfileLoader.Parse(Profile, "step.yaml")]);
        var querier = new ScriptedQuerier(Recording(100, 500));
        var target = new PollTarget("pdu1", "auto", null, new Dictionary<string, string> { ["rack"] = "R1" }, Interval, querier);
        var poller = new DevicePoller(catalog, store, clock, labelRefreshPolls: 20);
        using var scheduler = new PollScheduler(poller, clock, concurrency: 4);
        using var stop = new CancellationTokenSource();
        var run = scheduler.RunAsync([target], stop.Token);

        // Three intervals on an undisturbed clock: three polls; the register grows 10 Wh per interval.
        var wh = 500u;
        await RunIntervalsAsync(clock, target, querier, 3, () => wh += 10, expectedPolls: 3);
        var before = Energy(store, target);

        clock.StepWall(-Hour);
        await RunIntervalsAsync(clock, target, querier, 3, () => wh += 10, expectedPolls: 6);
        clock.StepWall(Hour + Hour);
        await RunIntervalsAsync(clock, target, querier, 3, () => wh += 10, expectedPolls: 9);

        await stop.CancelAsync();
        await run;
        var after = Energy(store, target);
        output.WriteLine($"polls {target.Polls}, max lateness {target.MaxLateness.TotalSeconds:0.###} s, energy {before} J -> {after} J");

        Assert.Equal(9, target.Polls);
        // Fake seconds pass while the test yields, so a poll can start a second or two late; a step would show as 3600 s.
        Assert.True(target.MaxLateness < TimeSpan.FromSeconds(5), $"lateness {target.MaxLateness}: a wall step read as lateness");
        // Six more polls after the first three, each 10 Wh: exactly 60 Wh, never more, never a reset.
        Assert.Equal(60 * 3600.0, after - before);
        Assert.Equal((wh - 10.0) * 3600, after); // the last poll read the value before the last growth
        Assert.Equal(0, target.Errors.Values.Sum());
    }

    [Fact]
    public void StalenessSweeper_WallStepsForward_LiveSeriesKeptThenSilentOnesExpire()
    {
        var clock = new SteppedClock(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var store = new SeriesStore();
        var config = new AgentConfig { Agent = new AgentSection { StaleAfter = TimeSpan.FromMinutes(5) } };
        var sweeper = new StalenessSweeper(store, clock, config, NullLogger<StalenessSweeper>.Instance);
        var live = new DeviceIdentity("pdu-live", "pdu", new Dictionary<string, string>());
        var silent = new DeviceIdentity("pdu-silent", "pdu", new Dictionary<string, string>());
        void Write(DeviceIdentity d) => store.Write(new Sample(MetricCatalog.PduPower, d, LabelSet.Empty, 1000, clock.GetUtcNow().ToUnixTimeMilliseconds()));

        Write(live);
        Write(silent);
        Assert.Equal(0, sweeper.SweepOnce());

        // An hour forward: both series look an hour old, but only the step made them so.
        clock.StepWall(Hour);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, sweeper.SweepOnce());
        Assert.Equal(2, store.Snapshot(MetricCatalog.PduPower).Count);

        // Real time passes: the live device writes again, the silent one does not; after stale_after it goes.
        for (var i = 0; i < 11; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            Write(live);
            sweeper.SweepOnce();
        }

        Assert.Equal(["pdu-live"], store.Snapshot(MetricCatalog.PduPower).Select(s => s.Device!.Device).ToArray());
    }

    [Fact]
    public void FacilityLedger_WallStepsBackAndForward_EnergyFollowsMonotonicTimeOnly()
    {
        using var dir = new TempDir();
        var clock = new SteppedClock(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var config = new AgentConfig
        {
            Agent = new AgentSection { Site = "hall1", StateDir = dir.Path },
            Facility = new FacilitySection { Meters = new() { ["it"] = ["pdu-*"] } },
        };
        var store = new SeriesStore();
        var service = new FacilityService(config, store, clock, NullLogger<FacilityService>.Instance);
        var pdu = new DeviceIdentity("pdu-a", "pdu", new Dictionary<string, string> { ["site"] = "hall1" });
        var it = LabelSet.Of(("site", "hall1"), ("role", "it"));

        // 2 kW, a reading and a roll-up every 15 s; the wall clock steps -1 h after tick 4 and +2 h after tick 8.
        for (var tick = 0; tick <= 12; tick++)
        {
            store.Write(new Sample(MetricCatalog.PduPower, pdu, LabelSet.Empty, 2000, clock.GetUtcNow().ToUnixTimeMilliseconds()));
            Assert.True(service.TickOnce());
            clock.Advance(TimeSpan.FromSeconds(15));
            if (tick == 4)
            {
                clock.StepWall(-Hour);
            }
            else if (tick == 8)
            {
                clock.StepWall(Hour + Hour);
            }
        }

        Assert.True(store.TryGet(MetricCatalog.SiteEnergy, null, it, out var joules));
        output.WriteLine($"site energy after 12 × 15 s at 2 kW across two 1 h steps: {joules} J");
        // 12 intervals × 15 s × 2000 W; integrating across a step would add or lose 7.2 MJ.
        Assert.Equal(360_000.0, joules);
    }

    private static double Energy(SeriesStore store, PollTarget t) =>
        store.TryGet(MetricCatalog.PduEnergy, t.Identity, LabelSet.Empty, out var v) ? v : double.NaN;

    /// <summary>
    /// Moves the fake clock through <paramref name="count"/> polls: one interval in 1 s steps (yielding so the loop's
    /// continuations run), then 1 s steps until the poll has happened (its slot is jittered), then the register
    /// grows for the next one. A loop parked by a wall step never polls and the count assertion fails.
    /// </summary>
    private static async Task RunIntervalsAsync(SteppedClock clock, PollTarget target, ScriptedQuerier querier, int count, Func<uint> grow, int expectedPolls)
    {
        var first = expectedPolls - count;
        for (var i = 1; i <= count; i++)
        {
            for (var s = 0; s < Interval.TotalSeconds + 5 && target.Polls < first + i; s++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await WaitForPollsAsync(target, first + i, TimeSpan.FromMilliseconds(s < Interval.TotalSeconds - 1 ? 5 : 2000));
            }

            Assert.Equal(first + i, target.Polls);
            querier.Replace(Recording((uint)(100 + (target.Polls * 1000)), grow()));
        }
    }

    private static async Task WaitForPollsAsync(PollTarget target, int polls, TimeSpan atMost)
    {
        var until = DateTime.UtcNow + atMost;
        do
        {
            await Task.Delay(5);
        }
        while (target.Polls < polls && DateTime.UtcNow < until);
    }
}
