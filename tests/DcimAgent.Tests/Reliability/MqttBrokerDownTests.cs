using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Reliability;

/// <summary>Fault: no broker when the agent starts, and none for a while; the agent keeps trying and connects when one appears.</summary>
[Trait("Category", "Integration")]
public class MqttBrokerDownTests
{
    private const int Port = 19520;

    [Fact]
    public async Task BrokerAbsentAtStartFor5s_AgentKeepsRetryingThenConnectsAndIngests()
    {
        await using var agent = await MqttAgent.StartAsync(new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{Port}" }, new MqttSubscriptionConfig
        {
            Name = "late",
            Topic = "late/{sensor}",
            Format = "value",
            Family = "dcim_sensor_temperature_celsius",
            Device = "latedev",
        });

        // Nothing listens on the port: the agent reports the broker down and does not give up.
        await agent.WaitAsync(() => agent.Connected == 0, "dcim_mqtt_connected 0 with no broker");
        await Task.Delay(5000);
        Assert.Equal(0, agent.Connected);
        Assert.Equal(0, agent.Broker.Connections);

        await using var broker = await Mosquitto.StartAsync(Port);
        await agent.WaitConnectedAsync();
        Assert.Equal(1, agent.Broker.Connections);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "23.5");
        try
        {
            await agent.WaitAsync(() =>
            {
                broker.PublishFileAsync("late/inlet", file).GetAwaiter().GetResult();
                return agent.Store.Snapshot(MetricCatalog.SensorTemperature).Count == 1;
            }, "first message after the broker appeared");
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(23.5, agent.Store.Snapshot(MetricCatalog.SensorTemperature).Single(s => s.Labels["sensor"] == "inlet").Value);
    }
}
