using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

public class JsonAndValueFormatTests
{
    private static PayloadHarness Json(params MappingRule[] rules) => new("json", new PayloadMapperOptions { Rules = rules });

    [Fact]
    public void Map_HomeAssistantStatePayload_GivesTemperatureAndHumidity()
    {
        // The "Common state payload" of fixtures/mqtt/ha-mqtt-discovery_sensorBedroom_doc-fragment.md.
        var h = Json(
            new MappingRule("temperature", MetricCatalog.SensorTemperature, unit: "°C", labels: new Dictionary<string, string> { ["sensor"] = "bedroom" }),
            new MappingRule("humidity", MetricCatalog.SensorHumidity, unit: "%", labels: new Dictionary<string, string> { ["sensor"] = "bedroom" }));

        var outcome = h.Run("homeassistant/sensor/sensorBedroom/state", Encoding.UTF8.GetBytes("""{ "temperature": 23.20, "humidity": 43.70 }"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(23.2, h.Value(MetricCatalog.SensorTemperature, "dev1", ("sensor", "bedroom")));
        Assert.Equal(0.437, h.Value(MetricCatalog.SensorHumidity, "dev1", ("sensor", "bedroom")));
    }

    [Fact]
    public void Map_GpusWildcardWithUnitsStringNumbersAndStates_IndexBecomesAcceleratorLabel()
    {
        var h = Json(
            new MappingRule("gpus[*].power_mw", MetricCatalog.AcceleratorPower, unit: "mW"),
            new MappingRule("gpus[*].util", MetricCatalog.AcceleratorUtilization, unit: "%"),
            new MappingRule("gpus[*].health", MetricCatalog.AcceleratorHealth, states: new Dictionary<string, string> { ["OK"] = "ok", ["Warn"] = "warning" }),
            new MappingRule("gpus[*].missing", MetricCatalog.AcceleratorTemperature));

        var outcome = h.Run("t", Encoding.UTF8.GetBytes("""{"gpus":[{"power_mw":111944,"util":"45","health":"OK"},{"power_mw":699000,"util":100,"health":"Warn"}]}"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(111.944, h.Value(MetricCatalog.AcceleratorPower, "dev1", ("accelerator", "0")));
        Assert.Equal(699, h.Value(MetricCatalog.AcceleratorPower, "dev1", ("accelerator", "1")));
        Assert.Equal(0.45, h.Value(MetricCatalog.AcceleratorUtilization, "dev1", ("accelerator", "0")));
        Assert.Equal(1, h.Value(MetricCatalog.AcceleratorHealth, "dev1", ("accelerator", "1"), ("state", "warning")));
        Assert.False(h.Has(MetricCatalog.AcceleratorTemperature));
    }

    [Fact]
    public void Map_BooleanToGaugeAndScale_Converted()
    {
        var h = Json(
            new MappingRule("alarm.active", MetricCatalog.CoolingAlarmActive, labels: new Dictionary<string, string> { ["alarm"] = "high_temp" }),
            new MappingRule("flow", MetricCatalog.CoolingFlow, unit: "l/s", scale: 0.1, labels: new Dictionary<string, string> { ["medium"] = "water" }));

        var outcome = h.Run("t", Encoding.UTF8.GetBytes("""{"alarm":{"active":true},"flow":125}"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(1, h.Value(MetricCatalog.CoolingAlarmActive, "dev1", ("alarm", "high_temp")));
        Assert.Equal(0.0125, h.Value(MetricCatalog.CoolingFlow, "dev1", ("medium", "water")));
    }

    [Fact]
    public void Map_SparkplugSpecJsonWithNoBreakSpaceIndent_RejectedNotHalfParsed()
    {
        var h = Json(new MappingRule("metrics[0].value", MetricCatalog.PduPhaseVoltage, labels: new Dictionary<string, string> { ["phase"] = "L1" }));

        var outcome = h.RunFixture("t", "fixtures", "mqtt", "sparkplugb_NDATA_spec-example.json.txt");

        Assert.False(outcome.Accepted);
        Assert.Equal("malformed JSON at line 2, byte 1", outcome.Reason);
        Assert.Equal(0, h.Store.SeriesCount);
    }

    [Fact]
    public void Map_HomeAssistantDocFragmentAsIs_RejectedAsMalformed()
    {
        var h = Json(new MappingRule("temperature", MetricCatalog.SensorTemperature, labels: new Dictionary<string, string> { ["sensor"] = "x" }));

        var outcome = h.RunFixture("t", "fixtures", "mqtt", "ha-mqtt-discovery_sensorBedroom_doc-fragment.md");

        Assert.False(outcome.Accepted);
        Assert.StartsWith("malformed JSON", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"flow":{"x":1}}""", "flow: expected a number, got an object")]
    [InlineData("""{"flow":"12,5"}""", "flow: expected a number, got '12,5'")]
    [InlineData("""{"other":1}""", "no mapping rule matched anything in the payload")]
    public void Map_WrongTypes_Rejected(string payload, string reason)
    {
        var h = Json(new MappingRule("flow", MetricCatalog.CoolingFlow, unit: "l/s", labels: new Dictionary<string, string> { ["medium"] = "water" }));

        Assert.Equal(reason, h.Run("t", Encoding.UTF8.GetBytes(payload)).Reason);
    }

    [Fact]
    public void Map_OversizePayload_RejectedBeforeParsing()
    {
        var h = new PayloadHarness("json", new PayloadMapperOptions { Rules = [new MappingRule("a", MetricCatalog.ServerPower)], MaxPayloadBytes = 10 });

        Assert.Equal("payload of 11 bytes exceeds max_payload_bytes 10", h.Run("t", Encoding.UTF8.GetBytes("{\"a\":12345}")).Reason);
    }

    [Theory]
    [InlineData(" 1234.5\n", 1234.5)]
    [InlineData("2.5", 2.5)]
    public void Map_ValuePayloadInKilowatts_StoredInWatts(string payload, double kw)
    {
        var h = new PayloadHarness("value", new PayloadMapperOptions { ValueRule = new MappingRule("value", MetricCatalog.PduPower, unit: "kW") });

        Assert.True(h.Run("meters/m1/power", Encoding.UTF8.GetBytes(payload)).Accepted);
        Assert.Equal(kw * 1000, h.Value(MetricCatalog.PduPower, "dev1"));
    }

    [Theory]
    [InlineData("NaN", "value: expected a number, got 'NaN'")]
    [InlineData("Infinity", "value: expected a number, got 'Infinity'")]
    [InlineData("", "empty payload")]
    [InlineData("-4", "value: dcim_pdu_energy_joules_total is a counter and must not be negative (-14400)")]
    public void Map_BadValue_Rejected(string payload, string reason)
    {
        var h = new PayloadHarness("value", new PayloadMapperOptions { ValueRule = new MappingRule("value", MetricCatalog.PduEnergy, unit: "Wh") });

        Assert.Equal(reason, h.Run("t", Encoding.UTF8.GetBytes(payload)).Reason);
    }

    [Fact]
    public void Map_ValueStateThroughMap_GivesStateSet()
    {
        var h = new PayloadHarness("value", new PayloadMapperOptions
        {
            ValueRule = new MappingRule("value", MetricCatalog.CoolingState, states: new Dictionary<string, string> { ["RUN"] = "running" }),
        });

        Assert.True(h.Run("t", Encoding.UTF8.GetBytes("RUN")).Accepted);
        Assert.Equal(1, h.Value(MetricCatalog.CoolingState, "dev1", ("state", "running")));
        Assert.Equal(0, h.Value(MetricCatalog.CoolingState, "dev1", ("state", "fault")));
    }

    [Fact]
    public void MappingRule_UnitOfAnotherQuantity_ThrowsNamingThePath()
    {
        var e = Assert.Throws<ArgumentException>(() => new MappingRule("ENERGY.Power", MetricCatalog.PduPower, unit: "kWh"));

        Assert.Equal("mapping 'ENERGY.Power': unit 'kWh' converts to joules, but dcim_pdu_power_watts is in watts", e.Message);
    }

    [Fact]
    public void DeviceDirectory_TopicLocationLabels_OverrideConfigAndSite()
    {
        var dir = new DeviceDirectory("pdu", labels: new Dictionary<string, string> { ["rack"] = "R1", ["feed"] = "A" }, site: "dc1");

        var id = dir.Resolve(new Dictionary<string, string> { ["device"] = "pdu7", ["rack"] = "R9" }, null, "meter")!;

        Assert.Equal("device=\"pdu7\",device_class=\"pdu\",site=\"dc1\",rack=\"R9\",feed=\"A\"", id.FormattedLabels);
    }
}
