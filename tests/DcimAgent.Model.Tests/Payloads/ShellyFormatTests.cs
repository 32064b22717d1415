using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

public class ShellyFormatTests
{
    private static readonly (string, string)[] Outlet1 = [("outlet", "1"), ("outlet_name", "1")];

    [Fact]
    public void Map_SwitchStatusFixture_GivesGroundTruth()
    {
        var h = new PayloadHarness("shelly");
        var outcome = h.RunFixture("shellyplus1pm-a8032ab12345/status/switch:0", "fixtures", "mqtt", "shelly-gen2_switch0_status_switch-read-example.json");

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(0, h.Value(MetricCatalog.PduOutletPower, "dev1", Outlet1));
        Assert.Equal(0, h.Value(MetricCatalog.PduOutletCurrent, "dev1", Outlet1));
        Assert.Equal(482.4, h.Value(MetricCatalog.PduOutletEnergy, "dev1", Outlet1));
        Assert.Equal(238.215, h.Value(MetricCatalog.PduPhaseVoltage, "dev1", ("phase", "L1")));
        Assert.Equal(49.5, h.Value(MetricCatalog.SensorTemperature, "dev1", ("sensor", "switch:0")));
        Assert.Equal(1, h.Value(MetricCatalog.PduOutletState, "dev1", [.. Outlet1, ("state", "off")]));
        Assert.Equal(0, h.Value(MetricCatalog.PduOutletState, "dev1", [.. Outlet1, ("state", "on")]));
    }

    [Fact]
    public void Map_StatusHandlerDelta_UpdatesOnlyPowerAndKeepsTheRest()
    {
        var h = new PayloadHarness("shelly");
        h.RunFixture("plug/status/switch:0", "fixtures", "mqtt", "shelly-gen2_switch0_status_switch-read-example.json");
        var outcome = h.RunFixture("plug/events/rpc", "fixtures", "mqtt", "shelly-gen2_switch0_statushandler-delta-apower_example.json");

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(1, outcome.Samples);
        Assert.Equal(5.12, h.Value(MetricCatalog.PduOutletPower, "dev1", Outlet1));
        Assert.Equal(238.215, h.Value(MetricCatalog.PduPhaseVoltage, "dev1", ("phase", "L1")));
    }

    [Fact]
    public void Map_NotifyStatusEnvelope_MapsEverySwitchInParams()
    {
        var h = new PayloadHarness("shelly");
        var outcome = h.Run("pro4pm/events/rpc", Encoding.UTF8.GetBytes(
            """{"src":"pro4pm","dst":"pro4pm/events","method":"NotifyStatus","params":{"ts":1.7e9,"switch:2":{"id":2,"apower":12.5,"output":true,"aenergy":{"total":1000}}}}"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(12.5, h.Value(MetricCatalog.PduOutletPower, "dev1", ("outlet", "3"), ("outlet_name", "3")));
        Assert.Equal(3_600_000, h.Value(MetricCatalog.PduOutletEnergy, "dev1", ("outlet", "3"), ("outlet_name", "3")));
        Assert.Equal(1, h.Value(MetricCatalog.PduOutletState, "dev1", ("outlet", "3"), ("outlet_name", "3"), ("state", "on")));
    }

    [Theory]
    [InlineData("plug/events/rpc", """{"method":"NotifyEvent","params":{"events":[]}}""", "no switch:N readings in the payload")]
    [InlineData("plug/status/switch:0", """{"id":0,"output":"yes"}""", "output: expected a boolean, got a string")]
    [InlineData("plug/status/switch:0", """{"id":0,"aenergy":{"total":-3}}""", "aenergy.total: dcim_pdu_outlet_energy_joules_total is a counter and must not be negative (-10800)")]
    [InlineData("plug/status/switch:x", """{"apower":1}""", "topic: 'switch:x' is not switch:N")]
    public void Map_BadPayload_Rejected(string topic, string payload, string reason)
    {
        var h = new PayloadHarness("shelly");
        var outcome = h.Run(topic, Encoding.UTF8.GetBytes(payload));

        Assert.False(outcome.Accepted);
        Assert.Equal(reason, outcome.Reason);
        Assert.Equal(0, h.Store.SeriesCount);
    }
}
