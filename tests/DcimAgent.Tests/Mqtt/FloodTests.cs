using System.Diagnostics;
using DcimAgent.Configuration;
using DcimAgent.Mqtt;
using DcimAgent.Tests.Support;
using Xunit.Abstractions;

namespace DcimAgent.Tests.Mqtt;

/// <summary>A burst far larger than the socket buffers, through real mosquitto, at QoS 1.</summary>
[Trait("Category", "Integration")]
public class FloodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Qos1Flood_EveryMessageStoredOnceAndNoStall()
    {
        const int Port = 18880;
        const int Count = 20_000;
        await using var broker = await Mosquitto.StartAsync(Port, "max_queued_messages 0");
        await using var agent = await MqttAgent.StartAsync(
            new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{Port}", Protocol = 5, QueueCapacity = 1000 },
            new MqttSubscriptionConfig { Name = "plugs", Topic = "flood/{device}/SENSOR", Format = "tasmota", Qos = 1 });
        await agent.WaitConnectedAsync();

        // Count copies of the real Tasmota fixture (239 bytes; 5 MB in all) in one mosquitto_pub -l burst.
        var payload = File.ReadAllText(RepoPaths.Fixture("mqtt", "tasmota_sonoff-pow-r2_tele-SENSOR.json")).Trim();
        var lines = Path.Combine(Path.GetTempPath(), $"dcim-flood-{Environment.ProcessId}.txt");
        await File.WriteAllLinesAsync(lines, Enumerable.Repeat(payload, Count));
        try
        {
            var sw = Stopwatch.StartNew();
            var pub = await ProcessRunner.RunAsync("bash", ["-c", $"mosquitto_pub -h 127.0.0.1 -p {Port} -q 1 -t flood/pow1/SENSOR -l < {lines}"], TimeSpan.FromSeconds(60));
            Assert.True(pub.ExitCode == 0, "mosquitto_pub: " + pub.All);

            // Before the socket buffer fix this crawled at a few hundred messages a second (zero-window probes),
            // i.e. over a minute for the burst; 45 s holds on a machine with load average 20.
            await agent.WaitAsync(() => agent.Messages("plugs", "accepted") >= Count, $"{Count} messages stored", seconds: 45);
            output.WriteLine($"{Count} QoS 1 messages stored in {sw.Elapsed.TotalSeconds:F1} s ({Count / sw.Elapsed.TotalSeconds:F0} msg/s), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

            await Task.Delay(500);
            Assert.Equal(Count, agent.Messages("plugs", "accepted"));
            Assert.Equal(0, agent.Messages("plugs", "rejected"));
            Assert.Equal(2635, agent.Store.Snapshot(DcimAgent.Model.Metrics.MetricCatalog.PduPower).Single().Value);

            // Every message acknowledged, in batches: far fewer socket writes than acknowledgements.
            await agent.WaitAsync(() => agent.Broker.AckStats.Acks == Count, $"{Count} acknowledgements sent");
            var (acks, writes) = agent.Broker.AckStats;
            output.WriteLine($"{acks} acknowledgements in {writes} writes");
            Assert.InRange(writes, Count / AckBatchingChannel.MaxBatch, Count / 2);
        }
        finally
        {
            File.Delete(lines);
        }
    }
}
