using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Fault: a device that answers, goes silent, and answers again (real snmpd behind a UDP relay that drops
/// everything for a while). dcim_device_up must go 1→0→1, failures count as timeouts, and afterwards the device
/// has exactly the series it had before — none lost, none duplicated, labels from its lookup table intact.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FlappingTargetTests(ITestOutputHelper output)
{
    private const int SnmpdPort = 19605;
    private const int ProxyPort = 19606;

    [Fact]
    public async Task TargetSilentForAWhile_UpGoes101_SeriesAndLabelsSameAfter()
    {
        await using var snmpd = await Snmpd.StartAsync(SnmpdPort);
        await using var proxy = new UdpDropProxy(ProxyPort, SnmpdPort);
        var config = new AgentConfig
        {
            Agent = new AgentSection { Site = "lab" },
            Snmp = new SnmpSection
            {
                // Lookups every 3 polls: one refresh falls inside the outage and must not wipe the names.
                Defaults = new SnmpDefaults { Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMilliseconds(500), Retries = 0, LabelRefreshPolls = 3 },
                Credentials = [new SnmpCredential { Name = "v2", Version = "2c", Community = "public" }],
                Targets = [new SnmpTargetConfig { Name = "flappy", Address = $"127.0.0.1:{ProxyPort}", Credentials = "v2", Profile = "fault-net-snmp-if", Labels = new() { ["rack"] = "R7" } }],
            },
        };
        var catalog = ProfileCatalog.Load([RepoPaths.RepoFile("tests", "DcimAgent.Tests", "Reliability", "Profiles")]);
        var store = new SeriesStore();
        var recorder = new PollRecorder();
        await using var factory = new SnmpClientQuerierFactory();
        var target = Assert.Single(TargetResolver.Resolve(config, factory));
        using var scheduler = new PollScheduler(new DevicePoller(catalog, store, TimeProvider.System, config.Snmp.Defaults.LabelRefreshPolls), TimeProvider.System, 8)
        {
            OnPolled = recorder.Record,
        };
        using var stop = new CancellationTokenSource();
        var run = scheduler.RunAsync([target], stop.Token);
        try
        {
            await recorder.WaitAsync(0, up: true, count: 3, TimeSpan.FromSeconds(30));
            var before = PollRecorder.SeriesOf(store, "flappy");
            var energyBefore = OutletEnergy(store);

            proxy.Dropping = true;
            var outageStart = recorder.Outcomes.Count;
            await recorder.WaitAsync(outageStart, up: false, count: 4, TimeSpan.FromSeconds(30));
            var during = PollRecorder.SeriesOf(store, "flappy");
            Assert.True(store.TryGet(MetricCatalog.DeviceUp, target.Identity, LabelSet.Empty, out var upDuring));
            Assert.Equal(0, upDuring);

            proxy.Dropping = false;
            var recovery = recorder.Outcomes.Count;
            await recorder.WaitAsync(recovery, up: true, count: 4, TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await run;

            var after = PollRecorder.SeriesOf(store, "flappy");
            var failures = recorder.Outcomes.Count(o => !o.Up);
            output.WriteLine($"outcomes: {string.Join(",", recorder.Outcomes.Select(o => o.Reason))}; dropped datagrams {proxy.Dropped}");
            output.WriteLine($"series before/during/after: {before.Length}/{during.Length}/{after.Length}; outlet energy {energyBefore} -> {OutletEnergy(store)} J");

            Assert.Equal([true, false, true], recorder.UpTransitions());
            Assert.All(recorder.Outcomes.Where(o => !o.Up), o => Assert.Equal("timeout", o.Reason));
            Assert.True(store.TryGet(MetricCatalog.DeviceUp, target.Identity, LabelSet.Empty, out var up));
            Assert.Equal(1, up);
            Assert.True(store.TryGet(MetricCatalog.PollErrors, target.Identity, LabelSet.Of(("reason", "timeout")), out var timeouts));
            Assert.Equal(failures, timeouts);
            Assert.Equal(before, during);
            Assert.Equal(before, after);
            Assert.Equal(after.Length, after.Distinct().Count());
            // snmpd's interface names came from the lookup walk; the loopback one is always there.
            Assert.Contains(store.Snapshot(MetricCatalog.PduOutletEnergy), s => s.Device!.Device == "flappy" && s.Labels["outlet_name"] == "lo");
            Assert.DoesNotContain(store.Snapshot(MetricCatalog.PduOutletEnergy), s => s.Device!.Device == "flappy" && string.IsNullOrEmpty(s.Labels["outlet_name"]));
            Assert.True(OutletEnergy(store) >= energyBefore, "a counter went backwards across the outage");
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    private static double OutletEnergy(SeriesStore store) =>
        store.Snapshot(MetricCatalog.PduOutletEnergy).Where(s => s.Device!.Device == "flappy").Sum(s => s.Value);
}
