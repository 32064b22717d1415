using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Fault: the device's SNMP agent restarts mid-run under SNMPv3 authPriv. A real snmpd that keeps its persistent
/// state comes back with snmpEngineBoots one higher and snmpEngineTime from 0, so every request the poller sends
/// with the old boots is answered by a notInTimeWindow report; the client must resync from that (authenticated)
/// report by itself and polls succeed again — no operator action, no restart of the agent.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SnmpdRestartV3Tests(ITestOutputHelper output)
{
    private const int Port = 19607;

    [Fact]
    public async Task SnmpdRestartsWithHigherEngineBoots_V3AuthPrivPollsResyncAndSucceed()
    {
        await using var snmpd = await PersistentSnmpd.StartAsync(Port);
        var bootsBefore = await snmpd.EngineBootsAsync();
        var config = new AgentConfig
        {
            Agent = new AgentSection { Site = "lab" },
            Snmp = new SnmpSection
            {
                Defaults = new SnmpDefaults { Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMilliseconds(500), Retries = 0 },
                Credentials =
                [
                    new SnmpCredential
                    {
                        Name = "v3", Version = "3", Username = "peers-sha256-aes", SecurityLevel = "authPriv",
                        AuthProtocol = "SHA-256", AuthPassword = "peers-sha256-pass", PrivProtocol = "AES", PrivPassword = "peers-aes-pass",
                    },
                ],
                Targets = [new SnmpTargetConfig { Name = "v3dev", Address = $"127.0.0.1:{Port}", Credentials = "v3", Profile = "fault-net-snmp-if" }],
            },
        };
        var catalog = ProfileCatalog.Load([RepoPaths.RepoFile("tests", "DcimAgent.Tests", "Reliability", "Profiles")]);
        var store = new SeriesStore();
        var recorder = new PollRecorder();
        await using var factory = new SnmpClientQuerierFactory();
        var target = Assert.Single(TargetResolver.Resolve(config, factory));
        using var scheduler = new PollScheduler(new DevicePoller(catalog, store, TimeProvider.System, 20), TimeProvider.System, 8) { OnPolled = recorder.Record };
        using var stop = new CancellationTokenSource();
        var run = scheduler.RunAsync([target], stop.Token);
        try
        {
            await recorder.WaitAsync(0, up: true, count: 2, TimeSpan.FromSeconds(30));
            var series = PollRecorder.SeriesOf(store, "v3dev");
            var resyncsBefore = factory.Counters.TimeWindowResyncs;

            await snmpd.StopAsync();
            var down = recorder.Outcomes.Count;
            await recorder.WaitAsync(down, up: false, count: 2, TimeSpan.FromSeconds(30));
            await snmpd.StartAgainAsync();
            var bootsAfter = await snmpd.EngineBootsAsync();
            var back = recorder.Outcomes.Count;
            await recorder.WaitAsync(back, up: true, count: 3, TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await run;

            var c = factory.Counters;
            output.WriteLine($"engineBoots {bootsBefore} -> {bootsAfter}; outcomes {string.Join(",", recorder.Outcomes.Select(o => o.Reason))}");
            output.WriteLine($"client: requests {c.Requests}, timeouts {c.Timeouts}, time-window resyncs {c.TimeWindowResyncs}, rediscoveries {c.EngineRediscoveries}, auth failures {c.AuthenticationFailures}");

            Assert.Equal(bootsBefore + 1, bootsAfter);
            Assert.Equal([true, false, true], recorder.UpTransitions());
            // While snmpd was away the polls timed out; no poll ever failed as an auth problem.
            Assert.All(recorder.Outcomes.Where(o => !o.Up), o => Assert.Equal("timeout", o.Reason));
            Assert.Equal(0, resyncsBefore);
            Assert.Equal(1, c.TimeWindowResyncs);
            Assert.Equal(0, c.AuthenticationFailures);
            Assert.True(store.TryGet(MetricCatalog.DeviceUp, target.Identity, LabelSet.Empty, out var up));
            Assert.Equal(1, up);
            Assert.True(store.TryGet(MetricCatalog.PollErrors, target.Identity, LabelSet.Of(("reason", "timeout")), out var timeouts));
            Assert.Equal(recorder.Outcomes.Count(o => !o.Up), timeouts);
            Assert.True(store.TryGet(MetricCatalog.PollErrors, target.Identity, LabelSet.Of(("reason", "auth")), out var auth));
            Assert.Equal(0, auth);
            Assert.Equal(series, PollRecorder.SeriesOf(store, "v3dev"));
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }
}
