using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// socomec-ups, from SOCOMECUPS-MIB (no recording shared): 0.1 V / 0.1 A / 0.1 kW / 0.1 degree scaling, and the
/// output source taken from the battery status when discharging, else from upsOutputSource.
/// </summary>
public sealed class SocomecUpsTests
{
    private const string Ups = "1.3.6.1.4.1.4555.1.1.7.1";

    private static string Recording(int batteryStatus, int outputSource) => $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4555.1.1.7
        {Ups}.1.1.0|4|MASTERYS GP 40
        {Ups}.1.2.0|4|SN0042
        {Ups}.1.5.0|4|NV7 2.1
        {Ups}.2.1.0|2|{batteryStatus}
        {Ups}.2.3.0|2|17
        {Ups}.2.4.0|2|88
        {Ups}.2.6.0|2|254
        {Ups}.2.7.0|2|301
        {Ups}.3.3.1.2.1|2|2305
        {Ups}.3.3.1.2.2|2|2298
        {Ups}.4.1.0|2|{outputSource}
        {Ups}.4.4.1.2.1|2|2300
        {Ups}.4.4.1.2.2|2|2301
        {Ups}.4.4.1.3.1|2|123
        {Ups}.4.4.1.3.2|2|87
        {Ups}.4.4.1.4.1|2|41
        {Ups}.4.4.1.4.2|2|37
        {Ups}.4.4.1.6.1|2|28
        {Ups}.4.4.1.6.2|2|20
        {Ups}.4.6.0|2|47
        {Ups}.4.7.0|2|39
        {Ups}.10.1.0|2|215
        {Ups}.10.2.0|2|456
        """;

    [Fact]
    public async Task NormalMode_MibScaling()
    {
        var r = await HandWrittenRecording.RunAsync(Recording(batteryStatus: 2, outputSource: 4), "masterys");

        Assert.Equal("socomec-ups", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(1, r.Value("dcim_device_info", ("vendor", "Socomec"), ("model", "MASTERYS GP 40"), ("serial", "SN0042"), ("firmware", "NV7 2.1")));
        Assert.Equal(1020, r.Value("dcim_ups_battery_runtime_seconds"), 9);
        Assert.Equal(0.88, r.Value("dcim_ups_battery_charge_ratio"), 9);
        Assert.Equal(25.4, r.Value("dcim_ups_battery_temperature_celsius"), 9);
        Assert.Equal(30.1, r.Value("dcim_sensor_temperature_celsius", ("sensor", "ups internal")), 9);
        Assert.Equal(21.5, r.Value("dcim_sensor_temperature_celsius", ("sensor", "emd")), 9);
        Assert.Equal(0.456, r.Value("dcim_sensor_humidity_ratio", ("sensor", "emd")), 9);
        Assert.Equal(230.5, r.Value("dcim_ups_input_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(229.8, r.Value("dcim_ups_input_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(230.0, r.Value("dcim_ups_output_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(12.3, r.Value("dcim_ups_output_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(8.7, r.Value("dcim_ups_output_current_amperes", ("phase", "L2")), 9);
        Assert.Equal(0.41, r.Value("dcim_ups_output_load_ratio"), 9);
        Assert.Equal(4700, r.Value("dcim_ups_output_power_watts"), 9);
        Assert.Equal(1, r.Value("dcim_ups_output_source", ("state", "normal")));
    }

    [Theory]
    [InlineData(5, 3, "battery")]
    [InlineData(6, 3, "battery")]
    [InlineData(3, 5, "bypass")]
    [InlineData(2, 2, "bypass")]
    [InlineData(2, 8, "other")]
    [InlineData(4, 10, "normal")]
    public async Task OutputSource_BatteryStatusThenOutputSource(int batteryStatus, int outputSource, string expected)
    {
        var r = await HandWrittenRecording.RunAsync(Recording(batteryStatus, outputSource), "masterys");

        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(1, r.Value("dcim_ups_output_source", ("state", expected)));
        Assert.Equal(4, r.Samples.Count(s => s.Family.Name == "dcim_ups_output_source"));
    }
}
