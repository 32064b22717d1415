using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// Fault: no broker when the agent starts, and none for a while; the agent keeps trying and connects when one
/// appears. Then the broker goes away twice more: each time the agent retries with capped backoff and ingests
/// again after the outage, without anyone restarting it.
/// </summary>
[Trait("Category", "Integration")]
public class MqttBrokerDownTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Port = 19520;
    private const int OutagesPort = 19522;

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

    [Fact]
    public async Task BrokerDownAtStartAndTwiceLater_CappedBackoffAndIngestsAfterEachOutage()
    {
        // MqttAgent sets reconnect_min 100 ms and reconnect_max 500 ms, so the cap is reached within a second.
        var cap = TimeSpan.FromMilliseconds(500);
        await using var agent = await MqttAgent.StartAsync(
            new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{OutagesPort}" },
            new MqttSubscriptionConfig { Name = "outages", Topic = "outages/{sensor}", Format = "value", Family = "dcim_sensor_temperature_celsius", Device = "outdev" });
        var file = Path.GetTempFileName();
        try
        {
            // Outage 1: no broker at start.
            await agent.WaitAsync(() => agent.Connected == 0, "dcim_mqtt_connected 0 with no broker");
            await Task.Delay(3000);
            var log = new List<string> { $"start: {agent.Broker.FailedAttempts} failed attempts in 3 s" };
            await using var broker = await Mosquitto.StartAsync(OutagesPort);
            await IngestAsync(agent, broker, file, "first", 21.0, connections: 1);

            // Outages 2 and 3: the broker stops for 8 s, then for 5 s.
            foreach (var (sensor, value, seconds, connections) in new[] { ("second", 22.0, 8, 2), ("third", 23.0, 5, 3) })
            {
                await broker.StopAsync();
                await agent.WaitAsync(() => agent.Connected == 0, "dcim_mqtt_connected 0 while the broker is down");
                var failed = agent.Broker.FailedAttempts;
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                var during = agent.Broker.FailedAttempts - failed;
                log.Add($"outage {seconds} s: {during} failed attempts, longest wait so far {agent.Broker.LongestRetryDelay.TotalSeconds:0.00} s");
                // Capped, every wait is 0.25-0.5 s: at least two attempts a second. An uncapped doubling from 0.1 s
                // would have made 6 attempts in 8 s (0.1+0.2+...+3.2) and 5 in 5 s.
                Assert.True(during >= seconds * 3 / 2, $"only {during} attempts in a {seconds} s outage");
                Assert.Equal(0, agent.Connected);
                var back = DateTime.UtcNow;
                await broker.StartAgainAsync();
                await IngestAsync(agent, broker, file, sensor, value, connections);
                log.Add($"  ingesting again {(DateTime.UtcNow - back).TotalSeconds:0.0} s after the broker start began");
            }

            output.WriteLine(string.Join(Environment.NewLine, log));
            Assert.True(agent.Broker.LongestRetryDelay <= cap, $"a retry waited {agent.Broker.LongestRetryDelay}, above reconnect_max");
            Assert.True(agent.Broker.LongestRetryDelay >= cap / 2, $"the backoff never grew to its cap (longest {agent.Broker.LongestRetryDelay})");
            Assert.Equal([21.0, 22.0, 23.0], agent.Store.Snapshot(MetricCatalog.SensorTemperature).OrderBy(s => s.Value).Select(s => s.Value).ToArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task IngestAsync(MqttAgent agent, Mosquitto broker, string file, string sensor, double value, int connections)
    {
        await agent.WaitConnectedAsync();
        Assert.Equal(connections, agent.Broker.Connections);
        await File.WriteAllTextAsync(file, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await agent.WaitAsync(() =>
        {
            broker.PublishFileAsync($"outages/{sensor}", file).GetAwaiter().GetResult();
            return agent.Store.Snapshot(MetricCatalog.SensorTemperature).Any(s => s.Labels["sensor"] == sensor);
        }, $"message '{sensor}' after the outage");
        Assert.Equal(value, agent.Store.Snapshot(MetricCatalog.SensorTemperature).Single(s => s.Labels["sensor"] == sensor).Value);
    }
}
