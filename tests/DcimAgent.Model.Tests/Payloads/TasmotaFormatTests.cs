using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

public class TasmotaFormatTests
{
    private static readonly (string, string) L1 = ("phase", "L1");

    [Fact]
    public void Map_SonoffPowR2TeleSensor_GivesGroundTruthInBaseUnits()
    {
        var h = new PayloadHarness("tasmota");
        var outcome = h.RunFixture("tele/pow1/SENSOR", "fixtures", "mqtt", "tasmota_sonoff-pow-r2_tele-SENSOR.json");

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(2635, h.Value(MetricCatalog.PduPower, "dev1"));
        Assert.Equal(2650, h.Value(MetricCatalog.PduApparentPower, "dev1"));
        Assert.Equal(0.99, h.Value(MetricCatalog.PduPowerFactor, "dev1"));
        Assert.Equal(227, h.Value(MetricCatalog.PduPhaseVoltage, "dev1", L1));
        Assert.Equal(11.661, h.Value(MetricCatalog.PduPhaseCurrent, "dev1", L1));
        Assert.Equal(6.294 * 3.6e6, h.Value(MetricCatalog.PduEnergy, "dev1"), 6);
        Assert.Equal(22_658_400, h.Value(MetricCatalog.PduEnergy, "dev1"));
        Assert.Equal(1, h.Value(MetricCatalog.DeviceUp, "dev1"));
        Assert.Equal(6, outcome.Samples);
    }

    [Fact]
    public void Map_Status8Reply_ReadsEnergyInsideStatusSns()
    {
        var h = new PayloadHarness("tasmota");
        var outcome = h.RunFixture("stat/pow1/STATUS8", "fixtures", "mqtt", "tasmota_sonoff-pow-r2_stat-STATUS8.json");

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(2629, h.Value(MetricCatalog.PduPower, "dev1"));
        Assert.Equal(226, h.Value(MetricCatalog.PduPhaseVoltage, "dev1", L1));
        Assert.Equal(11.677, h.Value(MetricCatalog.PduPhaseCurrent, "dev1", L1));
        Assert.Equal(0.99, h.Value(MetricCatalog.PduPowerFactor, "dev1"));
        Assert.Equal(23_054_400, h.Value(MetricCatalog.PduEnergy, "dev1"));
    }

    [Fact]
    public void Map_TeleinfoTwoMessages_EnergyGrowsByTenWattHoursAndTodayIsIgnored()
    {
        var h = new PayloadHarness("tasmota");
        Assert.True(h.RunFixture("emoncms/ch2i/factory/denky_D6C0C0/tele/SENSOR", "fixtures", "mqtt", "tasmota_teleinfo-denky_tele-SENSOR_1.json").Accepted);
        Assert.Equal(170, h.Value(MetricCatalog.PduPower, "dev1"));
        Assert.Equal(1, h.Value(MetricCatalog.PduPhaseCurrent, "dev1", L1));
        Assert.Equal(32_753_682_000, h.Value(MetricCatalog.PduEnergy, "dev1"));
        Assert.Equal(170, h.Value(MetricCatalog.PduApparentPower, "dev1"));
        Assert.Equal(36.1, h.Value(MetricCatalog.SensorTemperature, "dev1", ("sensor", "ESP32")));

        Assert.True(h.RunFixture("emoncms/ch2i/factory/denky_D6C0C0/tele/SENSOR", "fixtures", "mqtt", "tasmota_teleinfo-denky_tele-SENSOR_2.json").Accepted);
        Assert.Equal(190, h.Value(MetricCatalog.PduPower, "dev1"));
        Assert.Equal(190, h.Value(MetricCatalog.PduApparentPower, "dev1"));
        Assert.Equal(32_753_718_000, h.Value(MetricCatalog.PduEnergy, "dev1"));
    }

    [Fact]
    public void Map_ThreePhaseArrays_GivesPhasesAndTheirSum()
    {
        var h = new PayloadHarness("tasmota");
        var outcome = h.Run("tele/m3/SENSOR", Encoding.UTF8.GetBytes(
            """{"ENERGY":{"Total":1.5,"Power":[100,200,300],"Voltage":[230,231,229],"Current":[0.5,1,1.5],"Factor":[0.9,0.9,0.9]}}"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(600, h.Value(MetricCatalog.PduPower, "dev1"));
        Assert.Equal(200, h.Value(MetricCatalog.PduPhasePower, "dev1", ("phase", "L2")));
        Assert.Equal(229, h.Value(MetricCatalog.PduPhaseVoltage, "dev1", ("phase", "L3")));
        Assert.Equal(1.5, h.Value(MetricCatalog.PduPhaseCurrent, "dev1", ("phase", "L3")));
        Assert.False(h.Has(MetricCatalog.PduPowerFactor));
    }

    [Fact]
    public void Map_FahrenheitSensorAndHumidity_ConvertsToCelsiusAndRatio()
    {
        var h = new PayloadHarness("tasmota");
        var outcome = h.Run("tele/th/SENSOR", Encoding.UTF8.GetBytes("""{"AM2301":{"Temperature":77.0,"Humidity":43.7},"TempUnit":"F"}"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(25, h.Value(MetricCatalog.SensorTemperature, "dev1", ("sensor", "AM2301")), 9);
        Assert.Equal(0.437, h.Value(MetricCatalog.SensorHumidity, "dev1", ("sensor", "AM2301")));
    }

    [Theory]
    [InlineData("""{"ENERGY":{"Total":-1.0,"Power":5}}""", "ENERGY.Total: dcim_pdu_energy_joules_total is a counter and must not be negative (-3600000)")]
    [InlineData("""{"ENERGY":{"Power":"abc"}}""", "ENERGY.Power: expected a number, got 'abc'")]
    [InlineData("""{"ENERGY":{"Power":{"x":1}}}""", "ENERGY.Power: expected a number, got an object")]
    [InlineData("""{"ENERGY":[1,2]}""", "ENERGY: expected an object, got an array")]
    [InlineData("""{"ENERGY":{"Power":1e999}}""", "ENERGY.Power: number out of range")]
    [InlineData("""{"ENERGY":{"Power":"NaN"}}""", "ENERGY.Power: expected a number, got 'NaN'")]
    [InlineData("""{"ENERGY":{"Power":10,}}""", "malformed JSON at line 1, byte 23")]
    [InlineData("""{"Time":"2018-02-15T17:37:10"}""", "no ENERGY, TIC or sensor readings in the payload")]
    [InlineData("""[1,2,3]""", "(root): expected an object, got an array")]
    public void Map_BadPayload_RejectedWithReasonAndNothingStored(string payload, string reason)
    {
        var h = new PayloadHarness("tasmota");
        var outcome = h.Run("tele/x/SENSOR", Encoding.UTF8.GetBytes(payload));

        Assert.False(outcome.Accepted);
        Assert.Equal(reason, outcome.Reason);
        Assert.Equal(0, h.Store.SeriesCount);
    }

    [Fact]
    public void Map_ValidFieldsBeforeABadOne_NothingHalfStored()
    {
        var h = new PayloadHarness("tasmota");
        var outcome = h.Run("tele/x/SENSOR", Encoding.UTF8.GetBytes("""{"ENERGY":{"Total":1,"Power":100,"Voltage":"bad"}}"""));

        Assert.False(outcome.Accepted);
        Assert.Equal(0, h.Store.SeriesCount);
    }
}
