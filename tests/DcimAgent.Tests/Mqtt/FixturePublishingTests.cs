using System.Text.RegularExpressions;
using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Mqtt;

/// <summary>Every shared MQTT payload fixture, published as-is with mosquitto_pub, lands with its ground truth.</summary>
[Trait("Category", "Integration")]
public partial class FixturePublishingTests
{
    private const int Port = 18800;

    private static string Fixture(string name) => RepoPaths.Fixture("mqtt", name);

    private static double Value(MqttAgent a, MetricFamily f, string device, params (string, string)[] labels)
    {
        var s = a.Store.Snapshot(f).FirstOrDefault(x => x.Device?.Device == device && x.Labels.Equals(LabelSet.Of(labels)));
        Assert.True(s.Family is not null, $"no {f.Name} for {device} in\n{a.Store.ToExpositionText()}");
        return s.Value;
    }

    [GeneratedRegex("Common state payload: `(?<p>[^`]+)`")]
    private static partial Regex HaStatePayload();

    [Fact]
    public async Task Publish_EverySharedFixture_GroundTruthInStoreAndBadOnesCounted()
    {
        await using var broker = await Mosquitto.StartAsync(Port);
        await using var agent = await MqttAgent.StartAsync(
            new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{Port}" },
            new MqttSubscriptionConfig { Name = "tasmota", Topic = "tele/{device}/SENSOR", Format = "tasmota" },
            new MqttSubscriptionConfig { Name = "tasmota-status", Topic = "stat/{device}/STATUS8", Format = "tasmota" },
            new MqttSubscriptionConfig { Name = "teleinfo", Topic = "emoncms/ch2i/factory/{device}/tele/SENSOR", Format = "tasmota", Labels = new() { ["rack"] = "R7" } },
            new MqttSubscriptionConfig { Name = "shelly", Topic = "{device}/status/+", Format = "shelly" },
            new MqttSubscriptionConfig { Name = "shelly-rpc", Topic = "{device}/events/rpc", Format = "shelly" },
            new MqttSubscriptionConfig { Name = "sparkplug", Topic = "spBv1.0/#", Format = "sparkplug-b" },
            new MqttSubscriptionConfig
            {
                Name = "ha",
                Topic = "homeassistant/sensor/{device}/state",
                Format = "json",
                Mappings =
                [
                    new JsonMappingConfig { Path = "temperature", Family = "dcim_sensor_temperature_celsius", Unit = "°C", Labels = new() { ["sensor"] = "room" } },
                    new JsonMappingConfig { Path = "humidity", Family = "dcim_sensor_humidity_ratio", Unit = "%", Labels = new() { ["sensor"] = "room" } },
                ],
            });
        await agent.WaitConnectedAsync();
        await Task.Delay(200);

        await broker.PublishFileAsync("tele/pow1/SENSOR", Fixture("tasmota_sonoff-pow-r2_tele-SENSOR.json"));
        await agent.WaitAsync(() => agent.Messages("tasmota", "accepted") == 1, "tasmota tele");
        Assert.Equal(2635, Value(agent, MetricCatalog.PduPower, "pow1"));
        Assert.Equal(22_658_400, Value(agent, MetricCatalog.PduEnergy, "pow1"));
        Assert.Equal(11.661, Value(agent, MetricCatalog.PduPhaseCurrent, "pow1", ("phase", "L1")));
        Assert.Equal(227, Value(agent, MetricCatalog.PduPhaseVoltage, "pow1", ("phase", "L1")));
        Assert.Equal(0.99, Value(agent, MetricCatalog.PduPowerFactor, "pow1"));
        Assert.Equal(2650, Value(agent, MetricCatalog.PduApparentPower, "pow1"));

        await broker.PublishFileAsync("stat/pow1/STATUS8", Fixture("tasmota_sonoff-pow-r2_stat-STATUS8.json"));
        await agent.WaitAsync(() => agent.Messages("tasmota-status", "accepted") == 1, "tasmota STATUS8");
        Assert.Equal(2629, Value(agent, MetricCatalog.PduPower, "pow1"));
        Assert.Equal(23_054_400, Value(agent, MetricCatalog.PduEnergy, "pow1"));

        const string Denky = "emoncms/ch2i/factory/denky_D6C0C0/tele/SENSOR";
        await broker.PublishFileAsync(Denky, Fixture("tasmota_teleinfo-denky_tele-SENSOR_1.json"));
        await agent.WaitAsync(() => agent.Messages("teleinfo", "accepted") == 1, "teleinfo 1");
        Assert.Equal(170, Value(agent, MetricCatalog.PduPower, "denky_D6C0C0"));
        Assert.Equal(32_753_682_000, Value(agent, MetricCatalog.PduEnergy, "denky_D6C0C0"));
        Assert.Equal(36.1, Value(agent, MetricCatalog.SensorTemperature, "denky_D6C0C0", ("sensor", "ESP32")));
        Assert.Equal("R7", agent.Store.Snapshot(MetricCatalog.PduPower).First(s => s.Device!.Device == "denky_D6C0C0").Device!.LocationLabel("rack"));
        await broker.PublishFileAsync(Denky, Fixture("tasmota_teleinfo-denky_tele-SENSOR_2.json"));
        await agent.WaitAsync(() => agent.Messages("teleinfo", "accepted") == 2, "teleinfo 2");
        Assert.Equal(190, Value(agent, MetricCatalog.PduPower, "denky_D6C0C0"));
        Assert.Equal(32_753_718_000, Value(agent, MetricCatalog.PduEnergy, "denky_D6C0C0"));

        await broker.PublishFileAsync("shellyplus1pm-1/status/switch:0", Fixture("shelly-gen2_switch0_status_switch-read-example.json"));
        await agent.WaitAsync(() => agent.Messages("shelly", "accepted") == 1, "shelly status");
        await broker.PublishFileAsync("shellyplus1pm-1/events/rpc", Fixture("shelly-gen2_switch0_statushandler-delta-apower_example.json"));
        await agent.WaitAsync(() => agent.Messages("shelly-rpc", "accepted") == 1, "shelly delta");
        (string, string)[] outlet = [("outlet", "1"), ("outlet_name", "1")];
        Assert.Equal(5.12, Value(agent, MetricCatalog.PduOutletPower, "shellyplus1pm-1", outlet));
        Assert.Equal(482.4, Value(agent, MetricCatalog.PduOutletEnergy, "shellyplus1pm-1", outlet));
        Assert.Equal(238.215, Value(agent, MetricCatalog.PduPhaseVoltage, "shellyplus1pm-1", ("phase", "L1")));
        Assert.Equal(49.5, Value(agent, MetricCatalog.SensorTemperature, "shellyplus1pm-1", ("sensor", "switch:0")));
        Assert.Equal(1, Value(agent, MetricCatalog.PduOutletState, "shellyplus1pm-1", [.. outlet, ("state", "off")]));

        // Not valid as published: the Sparkplug JSON rendering (U+00A0 indent, and not protobuf) and the HA doc fragment.
        await broker.PublishFileAsync("spBv1.0/Sparkplug B Devices/NDATA/Raspberry Pi", Fixture("sparkplugb_NDATA_spec-example.json.txt"));
        await agent.WaitAsync(() => agent.Messages("sparkplug", "rejected") == 1, "sparkplug rejected");
        await broker.PublishFileAsync("homeassistant/sensor/sensorBedroom/state", Fixture("ha-mqtt-discovery_sensorBedroom_doc-fragment.md"));
        await agent.WaitAsync(() => agent.Messages("ha", "rejected") == 1, "HA fragment rejected");

        // The state payload the fragment documents, cut out of it mechanically, is valid and maps.
        var state = HaStatePayload().Match(await File.ReadAllTextAsync(Fixture("ha-mqtt-discovery_sensorBedroom_doc-fragment.md"))).Groups["p"].Value;
        using (var dir = new TempDir())
        {
            await broker.PublishFileAsync("homeassistant/sensor/sensorBedroom/state", dir.File("state.json", state));
        }

        await agent.WaitAsync(() => agent.Messages("ha", "accepted") == 1, "HA state");
        Assert.Equal(23.2, Value(agent, MetricCatalog.SensorTemperature, "sensorBedroom", ("sensor", "room")));
        Assert.Equal(0.437, Value(agent, MetricCatalog.SensorHumidity, "sensorBedroom", ("sensor", "room")));

        Assert.Equal(0, agent.Messages("tasmota", "rejected"));
        Assert.Equal(0, agent.Messages("sparkplug", "accepted"));
        Assert.DoesNotContain(agent.Store.Snapshot(MetricCatalog.PduPhaseVoltage), s => s.Device!.Device == "Raspberry Pi");
        Assert.Contains("dcim_mqtt_messages_total{subscription=\"sparkplug\",result=\"rejected\"} 1", agent.Store.ToExpositionText(), StringComparison.Ordinal);
    }
}
