using System.Collections.Concurrent;
using DcimAgent.Configuration;
using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Node;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;

namespace DcimAgent.Tests.Node;

/// <summary>
/// The H100 series replayed by node mode → real mosquitto → a central subscriber that decodes dcim-json into a
/// store. The central agent's own dcim-json mapper lives on branch mqtt; until it is merged the documents are
/// decoded with <see cref="DcimJsonDocument"/> and mapped with the same <see cref="AcceleratorSampleMapper"/>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NodeReplayEndToEndTests
{
    private const double Speed = 2;

    [Fact]
    public async Task ReplayedH100Series_ThroughMosquitto_ReproducesCapLoadAndEnergy()
    {
        NodeFixtures.StartMosquitto();
        var received = new ConcurrentQueue<DcimJsonDocument>();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(DcimJsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", NodeFixtures.MosquittoPort).WithClientId("e2e-central-" + Guid.NewGuid().ToString("N")).Build());
        await subscriber.SubscribeAsync("dcim/hall1/+/accelerators", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        var config = new AgentConfig
        {
            Agent = { Site = "hall1" },
            Node = new NodeSection
            {
                Device = "gpu-node-e2e",
                Interval = TimeSpan.FromSeconds(1),
                Collectors = [new NodeCollectorConfig { Type = "replay", Path = NodeFixtures.H100("nvml-series.jsonl"), Speed = Speed }],
                Publish = new NodePublishSection { Url = $"mqtt://127.0.0.1:{NodeFixtures.MosquittoPort}", ClientId = "e2e-node-" + Guid.NewGuid().ToString("N") },
            },
        };
        var node = new NodeService(config, new SeriesStore(), TimeProvider.System, NullLogger<NodeService>.Instance);
        await node.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.Count < 73 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await node.StopAsync(CancellationToken.None);
        await subscriber.DisconnectAsync();

        // Central side: every document into the store, watching the series as they change.
        var docs = received.ToList();
        Assert.Equal(73, docs.Count);
        var central = new SeriesStore();
        var host = new DeviceIdentity("gpu-node-e2e", "accelerator_host", new Dictionary<string, string> { ["site"] = "hall1" });
        var board = LabelSet.Of(("accelerator", "0"));
        var capped = new List<double>();
        var temperatures = new List<double>();
        foreach (var doc in docs)
        {
            AcceleratorSampleMapper.Write(doc.Boards.Select(b => b.ToReading()).ToList(), host, doc.TimeMs, central);
            Assert.True(central.TryGet(MetricCatalog.AcceleratorThrottled, host, board.With("reason", "power_cap"), out var cap));
            Assert.True(central.TryGet(MetricCatalog.AcceleratorPower, host, board, out var watts));
            Assert.True(central.TryGet(MetricCatalog.AcceleratorTemperature, host, board, out var celsius));
            temperatures.Add(celsius);
            if (cap == 1)
            {
                capped.Add(watts);
            }
        }

        // Power pinned at the 700 W cap with throttled{reason="power_cap"} 1 for ~20 s of the load.
        Assert.InRange(capped.Count, 35, 45);
        Assert.InRange(capped.Count(w => w is >= 695 and <= 701), 35, 45);
        Assert.Equal(35, temperatures.Min());
        Assert.Equal(64, temperatures.Max());
        Assert.Equal(35, temperatures[1]);
        Assert.Equal(45, temperatures[^1]);

        // Energy: the board's counter, as delivered through MQTT, against the delivered power integrated over the
        // capture's own sample times (publication times carry scheduling jitter that says nothing about the data).
        var captureTimes = File.ReadLines(NodeFixtures.H100("nvml-series.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("t", out _))
            .Select(e => e.GetProperty("t").GetDouble())
            .ToList();
        Assert.Equal(docs.Count, captureTimes.Count);
        var integrated = 0.0;
        for (var i = 1; i < docs.Count; i++)
        {
            integrated += (docs[i - 1].Boards[0].Power!.Value + docs[i].Boards[0].Power!.Value) / 2 * (captureTimes[i] - captureTimes[i - 1]);
        }

        var counted = docs[^1].Boards[0].Energy!.Value - docs[0].Boards[0].Energy!.Value;
        Assert.InRange(integrated / counted, 0.95, 1.05);
        Assert.Contains(
            "dcim_accelerator_energy_joules_total{device=\"gpu-node-e2e\",device_class=\"accelerator_host\",site=\"hall1\",accelerator=\"0\"} 18971.899\n",
            central.ToExpositionText(), StringComparison.Ordinal);
        Assert.Equal(0, node.Cycles[0].PublishFailures);
    }
}
