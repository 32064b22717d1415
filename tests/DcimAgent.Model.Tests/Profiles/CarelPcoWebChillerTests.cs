using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// carel-pcoweb-chiller, from KELVIN-pCOWeb-Chiller-MIB (no recording shared): analog variables are tenths,
/// digital ones 0/1 alarm flags, the main setpoint stands in when set-effective is missing.
/// </summary>
public sealed class CarelPcoWebChillerTests
{
    private const string Chiller = """
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9839
        1.3.6.1.4.1.9839.1.1.0|2|153
        1.3.6.1.4.1.9839.2.1.1.1.0|2|0
        1.3.6.1.4.1.9839.2.1.1.31.0|2|2
        1.3.6.1.4.1.9839.2.1.1.131.0|2|1
        1.3.6.1.4.1.9839.2.1.1.157.0|2|1
        1.3.6.1.4.1.9839.2.1.2.61.0|2|70
        1.3.6.1.4.1.9839.2.1.2.67.0|2|655
        1.3.6.1.4.1.9839.2.1.2.71.0|2|125
        1.3.6.1.4.1.9839.2.1.2.72.0|2|72
        1.3.6.1.4.1.9839.2.1.2.81.0|2|-35
        """;

    [Fact]
    public async Task Chiller_TenthsAlarmsAndState()
    {
        var r = await HandWrittenRecording.RunAsync(Chiller, "chiller1");

        Assert.Equal("carel-pcoweb-chiller", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(12.5, r.Value("dcim_cooling_return_temperature_celsius", ("medium", "water")), 9);
        Assert.Equal(7.2, r.Value("dcim_cooling_supply_temperature_celsius", ("medium", "water")), 9);
        Assert.Equal(7.0, r.Value("dcim_cooling_setpoint_celsius", ("medium", "water")), 9);
        Assert.Equal(0.655, r.Value("dcim_cooling_fan_speed_ratio"), 9);
        Assert.Equal(-3.5, r.Value("dcim_sensor_temperature_celsius", ("sensor", "ambient")), 9);
        Assert.False(r.Has("dcim_sensor_temperature_celsius", ("sensor", "tank water")));
        Assert.Equal(1, r.Value("dcim_cooling_state", ("state", "running")));
        Assert.Equal(0, r.Value("dcim_cooling_state", ("state", "off")));
        Assert.Equal(1, r.Value("dcim_cooling_alarm_active", ("alarm", "al-hi-water-temp")));
        Assert.Equal(0, r.Value("dcim_cooling_alarm_active", ("alarm", "al-pa1")));
        Assert.False(r.Has("dcim_cooling_alarm_active", ("alarm", "al-door-sw")));
        Assert.Equal(2, r.Samples.Count(s => s.Family.Name == "dcim_cooling_alarm_active"));
        Assert.Equal(1, r.Value("dcim_device_info", ("vendor", "Carel"), ("firmware", "153")));
    }
}
