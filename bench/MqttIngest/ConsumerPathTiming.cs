using System.Diagnostics;
using System.Globalization;
using DcimAgent.Configuration;
using DcimAgent.Model.Store;
using DcimAgent.Mqtt;

/// <summary>
/// <c>MqttIngest --consumer-path N PAYLOAD_FILE</c>: times the consumer's half of ingestion alone (topic match,
/// tasmota mapping, store writes, message counter) with no broker, so its cost per message can be compared with
/// the socket's. Single-threaded stopwatch sampling: dotnet-trace is not installed on the build machine.
/// </summary>
internal static class ConsumerPathTiming
{
    public static void Run(long count, string payloadFile)
    {
        var payload = File.ReadAllBytes(payloadFile);
        var config = new MqttSubscriptionConfig { Name = "tasmota", Broker = "bench", Topic = "bench/{device}/SENSOR", Format = "tasmota" };
        var sub = new MqttSubscription(config, 0, null, 0);
        var store = new SeriesStore();
        var topics = new[] { "bench/pow1/SENSOR", "bench/pow2/SENSOR", "bench/pow3/SENSOR", "bench/pow4/SENSOR" };

        // Warm up the JIT (tiered compilation reaches its optimised code after a few thousand calls).
        for (var i = 0; i < 20_000; i++)
        {
            sub.Process(topics[i & 3], payload, i, store);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        var sw = Stopwatch.StartNew();
        for (long i = 0; i < count; i++)
        {
            sub.Process(topics[i & 3], payload, i, store);
        }

        sw.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"consumer path: {count} messages in {sw.Elapsed.TotalMilliseconds:F0} ms = {sw.Elapsed.TotalMilliseconds * 1e6 / count:F0} ns/msg, {bytes / (double)count:F0} B allocated/msg, {GC.CollectionCount(0) - gcs} gen0 GCs, accepted {sub.Accepted}"));
    }
}
