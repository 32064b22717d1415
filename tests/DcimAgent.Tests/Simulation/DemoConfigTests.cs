using DcimAgent.Configuration;
using DcimAgent.Simulation;
using DcimAgent.Simulator;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Simulation;

/// <summary>config/demo.yaml is a valid production-shaped config whose targets and topics are exactly the hall's.</summary>
public class DemoConfigTests
{
    private static AgentConfig Demo()
    {
        var r = ConfigLoader.Load(RepoPaths.RepoFile("config", "demo.yaml"), _ => null);
        Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors));
        return r.Config;
    }

    [Fact]
    public void DemoYaml_Loads_TargetsAreTheSimulatedDevices()
    {
        var c = Demo();
        var layout = new HallLayout(SimulatorConfigValidator.ToOptions(c.Simulator!, c.Agent.Site));

        Assert.Equal(
            layout.SnmpDevices.Select(d => $"{d.Name} 127.0.0.1:{d.Port} {(d.V3 ? "demo-v3" : "demo-v2")} {d.Rack ?? "-"} {d.Feed ?? "-"}"),
            c.Snmp.Targets.Select(t => $"{t.Name} {t.Address} {t.Credentials} {t.Labels.GetValueOrDefault("rack", "-")} {t.Labels.GetValueOrDefault("feed", "-")}"));
        Assert.Equal("chiller", c.Snmp.Targets.Single(t => t.Name == "chiller-1").DeviceClass);
        Assert.Equal("127.0.0.1:9464", c.Agent.Listen);
    }

    [Fact]
    public void DemoYaml_Loads_BrokerAndTopicsAreTheHalls()
    {
        var c = Demo();
        var s = c.Simulator!;

        Assert.Equal($"mqtt://127.0.0.1:{s.MqttPort}", c.Mqtt.Brokers.Single().Url);
        Assert.Equal("dcim/demo/{rack}/{device}/accelerators", c.Mqtt.Subscriptions.Single(x => x.Name == "boards").Topic);
        Assert.Equal("dcim/demo/A01/gpu-a01/accelerators", HallLayout.AcceleratorTopic(c.Agent.Site, "A01", "gpu-a01"));
        Assert.Equal("bms/demo/meters/{device}", c.Mqtt.Subscriptions.Single(x => x.Name == "meters").Topic);
        Assert.Equal("bms/demo/meters/mains-1", HallLayout.MeterTopic(c.Agent.Site, HallLayout.MainsMeter));
        Assert.Equal([HallLayout.MainsMeter], c.Facility.Meters["facility"]);
        Assert.Equal([HallLayout.CoolingMeter], c.Facility.Meters["cooling"]);
    }

    [Fact]
    public void DemoYaml_SimulatorSection_HasTheDocumentedDefaults()
    {
        var s = Demo().Simulator!;

        Assert.True(s.Enabled);
        Assert.Equal(1, s.TimeScale);
        Assert.Equal(TimeSpan.FromMinutes(3), s.IncidentAfter);
        Assert.Equal(11600, s.SnmpBasePort);
        Assert.Equal(11683, s.MqttPort);
        Assert.Equal(4, s.Racks);
    }

    [Theory]
    [InlineData("time_scale: 0", "simulator.time_scale: must be greater than 0 and at most 1000, got 0")]
    [InlineData("racks: 40", "simulator.racks: must be between 1 and 16, got 40")]
    [InlineData("bind: 0.0.0.0", "simulator.bind: '0.0.0.0' is not a loopback address")]
    [InlineData("mqtt_port: 11602", "simulator.mqtt_port: 11602 lies inside the SNMP device ports 11600..11611")]
    [InlineData("v3_auth_password: short", "simulator.v3_auth_password: must be at least 8 characters")]
    [InlineData("incident_duration: 0s", "simulator.incident_duration: must be a positive duration")]
    public void Simulator_BadValue_ErrorNamesTheKey(string line, string expected)
    {
        var yaml = $"agent: {{ site: lab }}\nsimulator:\n  racks: 4\n  {line}\n";
        if (line.StartsWith("racks", StringComparison.Ordinal))
        {
            yaml = $"agent: {{ site: lab }}\nsimulator:\n  {line}\n";
        }

        var r = ConfigLoader.Parse(yaml, "t.yaml", _ => null);

        Assert.Contains(r.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Simulator_UnknownKey_ErrorSuggestsTheKnownOne()
    {
        var r = ConfigLoader.Parse("simulator:\n  time_scal: 2\n", "t.yaml", _ => null);

        Assert.Contains(r.Errors, e => e.ToString().Contains("unknown key 'time_scal'", StringComparison.Ordinal) && e.ToString().Contains("time_scale", StringComparison.Ordinal));
    }
}
