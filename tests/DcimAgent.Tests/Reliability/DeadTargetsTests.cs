using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Fault: 1,000 dead targets (UDP ports on 127.0.0.1 where nothing listens) join 100 live ones (real snmpd, four
/// instances) in a running scheduler, as a reload would add them. The live targets' poll count, poll duration and
/// schedule lateness must stay what they were before. Concurrency is 64, well below what the dead targets alone
/// want (1,000 × 1 s timeout every 5 s = 200 polls in flight), so a shared pool would starve the live ones.
/// </summary>
[Trait("Category", "Integration")]
[Collection(TimingCollection.Name)]
public sealed class DeadTargetsTests(ITestOutputHelper output)
{
    private const int FirstSnmpd = 19601;
    private const int Snmpds = 4;
    private const int FirstDeadPort = 21000;
    private const int Live = 100;
    private const int Dead = 1000;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private enum Phase
    {
        WarmUp,
        LiveOnly,
        DeadJoining,
        WithDead,
    }

    private sealed record Observation(Phase Phase, bool Live, bool Up, string Error, double LatenessS, double DurationS);

    [Fact]
    public async Task ThousandDeadTargetsJoin_LiveTargetsKeepPollCountDurationAndSchedule()
    {
        var snmpds = new List<Snmpd>();
        try
        {
            for (var i = 0; i < Snmpds; i++)
            {
                snmpds.Add(await Snmpd.StartAsync(FirstSnmpd + i));
            }

            var deadPorts = FreeUdpPorts(FirstDeadPort, Dead);
            var config = new AgentConfig
            {
                Agent = new AgentSection { Site = "lab" },
                Snmp = new SnmpSection
                {
                    Defaults = new SnmpDefaults { Interval = Interval, Timeout = TimeSpan.FromSeconds(1), Retries = 0, Concurrency = 64 },
                    Credentials = [new SnmpCredential { Name = "v2", Version = "2c", Community = "public" }],
                },
            };
            var catalog = ProfileCatalog.Load([RepoPaths.RepoFile("tests", "DcimAgent.Tests", "Reliability", "Profiles")]);
            var store = new SeriesStore();
            var observations = new ConcurrentQueue<Observation>();
            var phase = (int)Phase.WarmUp;
            await using var factory = new SnmpClientQuerierFactory();
            var poller = new DevicePoller(catalog, store, TimeProvider.System, labelRefreshPolls: 20);
            using var scheduler = new PollScheduler(poller, TimeProvider.System, config.Snmp.Defaults.Concurrency)
            {
                OnPolled = (t, o) => observations.Enqueue(new Observation(
                    (Phase)Volatile.Read(ref phase), t.Name.StartsWith("live", StringComparison.Ordinal), o.Up, o.Error.Reason(), t.LastLateness.TotalSeconds, o.Duration.TotalSeconds)),
            };

            var live = Resolve(config, factory, Enumerable.Range(0, Live).Select(i => ($"live-{i:000}", FirstSnmpd + (i % Snmpds))));
            var dead = Resolve(config, factory, deadPorts.Select((p, i) => ($"dead-{i:0000}", p)));
            using var stop = new CancellationTokenSource();
            var loops = new List<Task> { scheduler.RunAsync(live, stop.Token) };

            // Two intervals of warm-up: on a loaded machine some first polls (JIT, the profile's first lookup walk)
            // start late, and a late first poll plus two on time would count three in the window.
            await Task.Delay((2 * Interval) + TimeSpan.FromSeconds(1));
            Volatile.Write(ref phase, (int)Phase.LiveOnly);
            await Task.Delay(Window);
            Volatile.Write(ref phase, (int)Phase.DeadJoining);
            loops.AddRange(dead.Select(t => scheduler.RunTargetAsync(t, stop.Token)));
            await Task.Delay(Interval + TimeSpan.FromSeconds(1));
            Volatile.Write(ref phase, (int)Phase.WithDead);
            await Task.Delay(Window);
            await stop.CancelAsync();
            await Task.WhenAll(loops);

            var before = Stats(observations, Phase.LiveOnly);
            var after = Stats(observations, Phase.WithDead);
            var deadPolls = observations.Where(o => !o.Live && o.Phase >= Phase.DeadJoining).ToList();
            output.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
            output.WriteLine($"live only : {before}");
            output.WriteLine($"with dead : {after}");
            output.WriteLine($"dead polls: {deadPolls.Count} ({string.Join(", ", deadPolls.GroupBy(o => o.Error).Select(g => $"{g.Key} {g.Count()}"))}), dead targets polled at least once: {dead.Count(t => t.Polls > 0)}");

            // 100 targets × 10 s / 5 s = 200 polls per window; slots are jittered, so allow a few either way.
            Assert.InRange(before.Polls, 190, 210);
            Assert.InRange(after.Polls, before.Polls - 10, before.Polls + 10);
            Assert.Equal(0, before.Failed + after.Failed);
            // Bounds a loaded 2-core machine meets (the scale goal's p99 ≤ 2 s; measured 0.01-0.5 s); live polls
            // queued behind dead ones' 1 s timeouts showed p99 9.8 s and lost 58 % of their polls.
            Assert.True(after.LatenessP99 < 2.0, $"live lateness p99 {after.LatenessP99:0.000} s with dead targets");
            Assert.True(after.DurationP99 < 1.0, $"live poll duration p99 {after.DurationP99:0.000} s with dead targets");
            Assert.All(live, t => Assert.True(t.Up == true, $"{t.Name} down"));

            // The dead ones are reported as such: down, every failure a timeout, counted per target.
            Assert.All(deadPolls, o => Assert.Equal("timeout", o.Error));
            Assert.True(dead.Count(t => t.Polls > 0) >= Dead / 2, "the dead targets were polled too");
            foreach (var t in dead.Where(t => t.Polls > 0))
            {
                Assert.True(store.TryGet(MetricCatalog.DeviceUp, t.Identity, LabelSet.Empty, out var up));
                Assert.Equal(0, up);
                Assert.True(store.TryGet(MetricCatalog.PollErrors, t.Identity, LabelSet.Of(("reason", "timeout")), out var timeouts));
                Assert.Equal(t.Polls, timeouts);
            }
        }
        finally
        {
            foreach (var s in snmpds)
            {
                await s.StopAsync();
            }
        }
    }

    private static List<PollTarget> Resolve(AgentConfig config, SnmpClientQuerierFactory factory, IEnumerable<(string Name, int Port)> targets)
    {
        var subset = new AgentConfig
        {
            Agent = config.Agent,
            Snmp = new SnmpSection
            {
                Defaults = config.Snmp.Defaults,
                Credentials = config.Snmp.Credentials,
                Targets = [.. targets.Select(t => new SnmpTargetConfig { Name = t.Name, Address = $"127.0.0.1:{t.Port}", Credentials = "v2", Profile = "fault-net-snmp-if" })],
            },
        };
        return TargetResolver.Resolve(subset, factory);
    }

    /// <summary>UDP ports from <paramref name="first"/> on that nothing is bound to now (each one checked by binding it).</summary>
    private static List<int> FreeUdpPorts(int first, int count)
    {
        var ports = new List<int>(count);
        for (var port = first; ports.Count < count && port < first + (2 * count); port++)
        {
            try
            {
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, port));
                ports.Add(port);
            }
            catch (SocketException)
            {
            }
        }

        Assert.True(ports.Count == count, $"only {ports.Count} free UDP ports in {first}-{first + (2 * count)}");
        return ports;
    }

    private sealed record WindowStats(int Polls, int Failed, double LatenessP50, double LatenessP99, double DurationP50, double DurationP99)
    {
        public override string ToString() =>
            $"{Polls} polls, {Failed} failed, lateness p50 {LatenessP50:0.000} s p99 {LatenessP99:0.000} s, duration p50 {DurationP50:0.000} s p99 {DurationP99:0.000} s";
    }

    private static WindowStats Stats(IEnumerable<Observation> all, Phase phase)
    {
        var live = all.Where(o => o.Live && o.Phase == phase).ToList();
        return new WindowStats(live.Count, live.Count(o => !o.Up),
            Quantile(live.Select(o => o.LatenessS), 0.5), Quantile(live.Select(o => o.LatenessS), 0.99),
            Quantile(live.Select(o => o.DurationS), 0.5), Quantile(live.Select(o => o.DurationS), 0.99));
    }

    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
