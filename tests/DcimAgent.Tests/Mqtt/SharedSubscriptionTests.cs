using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Mqtt;

/// <summary>Two agents in one MQTT 5 share group split a stream between them.</summary>
[Trait("Category", "Integration")]
public class SharedSubscriptionTests
{
    [Fact]
    public async Task TwoAgentsOneShareGroup_SplitStreamWithoutDuplicateOrGap()
    {
        const int Port = 18850;
        const int Count = 1000;
        await using var broker = await Mosquitto.StartAsync(Port, "max_queued_messages 0");
        MqttSubscriptionConfig Sub() => new()
        {
            Name = "shared",
            Topic = "shared/{sensor}",
            Format = "value",
            Family = "dcim_sensor_temperature_celsius",
            Unit = "C",
            Device = "hall",
            Qos = 1,
            ShareGroup = "dcim",
        };
        await using var a = await MqttAgent.StartAsync(new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{Port}", ClientId = "agent-a" }, Sub());
        await using var b = await MqttAgent.StartAsync(new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{Port}", ClientId = "agent-b" }, Sub());
        await a.WaitConnectedAsync();
        await b.WaitConnectedAsync();
        await Task.Delay(300);

        await using (var pub = await MqttPublisher.ConnectAsync(Port))
        {
            for (var i = 0; i < Count; i++)
            {
                await pub.PublishAsync($"shared/{i}", "20", qos: 1);
            }
        }

        await a.WaitAsync(() => a.Messages("shared", "accepted") + b.Messages("shared", "accepted") == Count, "the whole stream");
        var sensorsA = a.Store.Snapshot(MetricCatalog.SensorTemperature).Select(s => s.Labels["sensor"]!).ToHashSet();
        var sensorsB = b.Store.Snapshot(MetricCatalog.SensorTemperature).Select(s => s.Labels["sensor"]!).ToHashSet();

        Assert.Empty(sensorsA.Intersect(sensorsB));
        Assert.Equal(Count, sensorsA.Count + sensorsB.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => i.ToString()).ToHashSet(), sensorsA.Union(sensorsB).ToHashSet());
        Assert.True(sensorsA.Count > 100 && sensorsB.Count > 100, $"split {sensorsA.Count}/{sensorsB.Count}");
        Assert.Equal(sensorsA.Count, a.Messages("shared", "accepted"));
    }
}
