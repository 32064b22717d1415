using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Mqtt;

/// <summary>The supervising loop: broker restarts and network outages, with QoS 1 and persistent sessions.</summary>
[Trait("Category", "Integration")]
public class ReconnectTests
{
    private static MqttSubscriptionConfig SequenceSubscription(string prefix) => new()
    {
        Name = "seq",
        Topic = prefix + "/{sensor}",
        Format = "value",
        Family = "dcim_sensor_temperature_celsius",
        Unit = "C",
        Device = "seqdev",
        Qos = 1,
    };

    private static int Distinct(MqttAgent a) => a.Store.Snapshot(MetricCatalog.SensorTemperature).Count;

    [Fact]
    public async Task BrokerRestart_AgentReconnectsAndResubscribesByItself()
    {
        const int Port = 18810;
        await using var broker = await Mosquitto.StartAsync(Port);
        await using var agent = await MqttAgent.StartAsync(new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{Port}" }, SequenceSubscription("restart"));
        await agent.WaitConnectedAsync();
        await Task.Delay(200);
        await broker.PublishFileAsync("restart/before", WriteTemp("21.5"));
        await agent.WaitAsync(() => Distinct(agent) == 1, "first message");

        await broker.StopAsync();
        await agent.WaitAsync(() => agent.Connected == 0, "dcim_mqtt_connected 0 while the broker is down");
        await broker.StartAgainAsync();
        await agent.WaitAsync(() => agent.Connected == 1 && agent.Broker.Connections == 2, "reconnected");

        // persistence is off on this broker: the message below arrives only because the agent subscribed again.
        await agent.WaitAsync(() =>
        {
            broker.PublishFileAsync("restart/after", WriteTemp("22.5")).GetAwaiter().GetResult();
            return Distinct(agent) == 2;
        }, "message after restart");
        Assert.Equal(22.5, agent.Store.Snapshot(MetricCatalog.SensorTemperature).Single(s => s.Labels["sensor"] == "after").Value);
    }

    [Fact]
    public async Task NetworkOutage_PersistentSessionQos1_NoMessagePublishedMeanwhileIsLost()
    {
        const int Port = 18820;
        const int ProxyPort = 18825;
        await using var broker = await Mosquitto.StartAsync(Port, "max_queued_messages 0");
        await using var proxy = new TcpProxy(ProxyPort, Port);
        await using var agent = await MqttAgent.StartAsync(
            new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{ProxyPort}", ClientId = "dcim-test-persistent", Session = "persistent", Protocol = 5 },
            SequenceSubscription("outage"));
        await agent.WaitConnectedAsync();
        await Task.Delay(200);

        await using var pub = await MqttPublisher.ConnectAsync(Port);
        for (var i = 0; i < 200; i++)
        {
            await pub.PublishAsync($"outage/{i}", "20", qos: 1);
        }

        await agent.WaitAsync(() => Distinct(agent) == 200, "200 messages before the outage");

        proxy.Cut();
        await agent.WaitAsync(() => agent.Connected == 0, "disconnected");
        for (var i = 200; i < 700; i++)
        {
            await pub.PublishAsync($"outage/{i}", "20", qos: 1);
        }

        proxy.Resume();
        await agent.WaitAsync(() => Distinct(agent) == 700, "all 700 messages after the outage", seconds: 30);

        // No loss: every one of the 700 readings is in the store. QoS 1 is at-least-once, so a message stored just
        // before the cut whose PUBACK died with the connection comes again after it (seen once in a full CI run
        // on a loaded machine: 701); only the 200 sent before the cut can be redelivered.
        Assert.Equal(700, Distinct(agent));
        Assert.InRange(agent.Messages("seq", "accepted"), 700, 900);
        Assert.Equal(0, agent.Messages("seq", "rejected"));
        Assert.Equal(2, agent.Broker.Connections);
    }

    private static string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dcim-mqtt-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }
}
