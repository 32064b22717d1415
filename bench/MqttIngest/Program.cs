using System.Globalization;
using System.Runtime;
using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

// usage: MqttIngest PORT QOS COUNT READY_FILE [WARMUP]  (WARMUP: messages in 4 rounds, see below)   (or: MqttIngest --consumer-path COUNT PAYLOAD_FILE, see ConsumerPathTiming)
// Subscribes like a configured agent (format tasmota on bench/{device}/SENSOR), touches READY_FILE once
// subscribed, then prints "<Unix time of the last message, s> <peak RSS MiB> <accepted> <dropped> <process CPU s during the flood>" once COUNT messages
// are in the store or dropped at the full queue (QoS 0) (the script times from the start of the flood, exactly as for mosquitto_sub).
if (args[0] == "--consumer-path")
{
    ConsumerPathTiming.Run(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
    return;
}

var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var qos = int.Parse(args[1], CultureInfo.InvariantCulture);
var count = long.Parse(args[2], CultureInfo.InvariantCulture);
var ready = args[3];
var warmup = args.Length > 4 ? long.Parse(args[4], CultureInfo.InvariantCulture) : 0;

var config = new AgentConfig();
config.Mqtt.Brokers.Add(new MqttBrokerConfig { Name = "bench", Url = $"mqtt://127.0.0.1:{port}", ClientId = "dcim-bench" });
config.Mqtt.Subscriptions.Add(new MqttSubscriptionConfig { Name = "tasmota", Broker = "bench", Topic = "bench/{device}/SENSOR", Format = "tasmota", Qos = qos });
var store = new SeriesStore();
var metrics = new MqttSelfMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
using var service = new MqttIngestionService(config, store, TimeProvider.System, NullLoggerFactory.Instance, metrics);
await service.StartAsync(CancellationToken.None);
var sub = service.Brokers[0].Subscriptions[0];
while (!store.TryGet(MetricCatalog.MqttConnected, null, LabelSet.Of(("broker", "bench")), out var c) || c != 1)
{
    await Task.Delay(10);
}

await Task.Delay(300);
await File.WriteAllTextAsync(ready, "ready");

// Warm-up, untimed: a running agent has long left the JIT's first tiers behind, a process started a second ago has
// not, and mosquitto_sub has no JIT to warm. The script publishes rounds of WARMUP/4 messages; after each one this
// answers in READY_FILE.round "more" or "warm": warm once a whole round, and the quiet second after it, compiled no
// method (tiered compilation promotes one tier per round of calls, so a fixed warm-up sometimes left the last
// tier to the timed flood). Counting starts after.
var dropped = metrics.QueueDropped.WithLabels("bench");
long Seen() => sub.Accepted + sub.Rejected + (long)dropped.Value;
var giveUp = DateTimeOffset.UtcNow.AddMinutes(3);
var rounds = 0;
while (warmup > 0)
{
    var jitAtStart = JitInfo.GetCompiledMethodCount();
    var seenAtStart = Seen();
    while (Seen() - seenAtStart < warmup / 4 && DateTimeOffset.UtcNow < giveUp)
    {
        await Task.Delay(10);
    }

    await JitQuietAsync(giveUp);
    rounds++;
    var warm = (rounds >= 2 && JitInfo.GetCompiledMethodCount() == jitAtStart) || rounds == 12 || DateTimeOffset.UtcNow >= giveUp;
    await File.WriteAllTextAsync(ready + ".round.tmp", warm ? "warm" : "more");
    File.Move(ready + ".round.tmp", ready + ".round"); // the script sees the whole answer or none
    if (warm)
    {
        Console.Error.WriteLine($"agent: warm after {rounds} rounds");
        break;
    }
}

var cpuBefore = Environment.CpuUsage.TotalTime;
var gcBefore = GC.CollectionCount(0);
var allocatedBefore = GC.GetTotalAllocatedBytes();
var jitBefore = JitInfo.GetCompiledMethodCount();
var jitTimeBefore = JitInfo.GetCompilationTime();
var baseAccepted = sub.Accepted;
var baseSeen = Seen();

// Poll on this thread with a plain sleep: a Task.Delay(1) loop (as before) put ~1000 timer callbacks a second on
// the thread pool the agent itself runs on, and reading Environment.WorkingSet each time parsed a /proc file; both
// cost the agent CPU that mosquitto_sub does not pay. 2 ms of polling granularity is < 0.1 % of a timed run.
await Task.Factory.StartNew(
    () =>
    {
        while (Seen() - baseSeen < count && DateTimeOffset.UtcNow < giveUp)
        {
            Thread.Sleep(2);
        }
    },
    CancellationToken.None,
    TaskCreationOptions.LongRunning, // its own thread: a sleeping pool worker would make the pool add threads
    TaskScheduler.Default);

var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
var gcs = GC.CollectionCount(0) - gcBefore;
var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

// The kernel's own high-water mark of resident memory: the true peak, not a sample of it.
var peakRss = PeakRss.KiB() * 1024;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{end:F3} {peakRss / 1048576.0:F0} {sub.Accepted - baseAccepted} {Seen() - baseSeen - (sub.Accepted - baseAccepted)} {cpu.TotalSeconds:F3}"));
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"agent QoS {qos}: JIT during the timed flood: {JitInfo.GetCompiledMethodCount() - jitBefore} methods, {(JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds:F0} ms"));
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"agent QoS {qos}: during the timed flood {allocated / (double)count:F0} B allocated per message (whole process), {gcs} gen0 GCs, {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms GC pause since start"));
Console.Error.WriteLine($"agent QoS {qos}: busiest threads (CPU since start):");
ThreadCpu.Print(Console.Error, 6);
await service.StopAsync(CancellationToken.None);

// Tiered compilation promotes hot methods on a background thread that, on a loaded machine, finishes seconds after
// the calls that asked for it. "Quiet" = no method compiled for 1 s.
static async Task JitQuietAsync(DateTimeOffset giveUp)
{
    var quietSince = DateTimeOffset.UtcNow;
    var compiled = JitInfo.GetCompiledMethodCount();
    while (DateTimeOffset.UtcNow - quietSince < TimeSpan.FromSeconds(1) && DateTimeOffset.UtcNow < giveUp)
    {
        await Task.Delay(100);
        var now = JitInfo.GetCompiledMethodCount();
        if (now != compiled)
        {
            compiled = now;
            quietSince = DateTimeOffset.UtcNow;
        }
    }
}
