using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// delta-ups, from DeltaUPS-MIB (no recording shared): per-line scalars (0.1 V, 0.1 A, W, %) read as rows of a
/// walked group, power summed over lines, load the busiest line, output source enumeration starting at 0.
/// </summary>
public sealed class DeltaUpsTests
{
    private const string Ups = "1.3.6.1.4.1.2254.2.4";

    private const string ThreePhase = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2254.2.4
        {Ups}.1.2.0|4|DPH-20K
        {Ups}.1.3.0|4|01.12
        {Ups}.4.1.0|2|3
        {Ups}.4.2.0|2|500
        {Ups}.4.3.0|2|2301
        {Ups}.4.4.0|2|52
        {Ups}.4.6.0|2|2295
        {Ups}.4.9.0|2|2310
        {Ups}.5.1.0|2|1
        {Ups}.5.2.0|2|500
        {Ups}.5.3.0|2|3
        {Ups}.5.4.0|2|2300
        {Ups}.5.5.0|2|123
        {Ups}.5.6.0|2|2600
        {Ups}.5.7.0|2|41
        {Ups}.5.8.0|2|2302
        {Ups}.5.9.0|2|98
        {Ups}.5.10.0|2|2100
        {Ups}.5.11.0|2|33
        {Ups}.5.12.0|2|2299
        {Ups}.5.13.0|2|150
        {Ups}.5.14.0|2|3100
        {Ups}.5.15.0|2|48
        {Ups}.7.5.0|2|23
        {Ups}.7.8.0|2|95
        {Ups}.7.9.0|2|27
        {Ups}.10.1.0|2|24
        {Ups}.10.2.0|2|45
        """;

    [Fact]
    public async Task ThreePhase_LinesScaledSummedAndMaxed()
    {
        var r = await HandWrittenRecording.RunAsync(ThreePhase, "dph20k");

        Assert.Equal("delta-ups", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(1, r.Value("dcim_device_info", ("vendor", "Delta"), ("model", "DPH-20K"), ("firmware", "01.12")));
        Assert.Equal(230.1, r.Value("dcim_ups_input_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(229.5, r.Value("dcim_ups_input_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(231.0, r.Value("dcim_ups_input_voltage_volts", ("phase", "L3")), 9);
        Assert.Equal(3, r.Samples.Count(s => s.Family.Name == "dcim_ups_input_voltage_volts"));
        Assert.Equal(230.0, r.Value("dcim_ups_output_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(230.2, r.Value("dcim_ups_output_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(229.9, r.Value("dcim_ups_output_voltage_volts", ("phase", "L3")), 9);
        Assert.Equal(12.3, r.Value("dcim_ups_output_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(9.8, r.Value("dcim_ups_output_current_amperes", ("phase", "L2")), 9);
        Assert.Equal(15.0, r.Value("dcim_ups_output_current_amperes", ("phase", "L3")), 9);
        Assert.Equal(7800, r.Value("dcim_ups_output_power_watts"), 9);
        Assert.Equal(0.48, r.Value("dcim_ups_output_load_ratio"), 9);
        Assert.Equal(1380, r.Value("dcim_ups_battery_runtime_seconds"), 9);
        Assert.Equal(0.95, r.Value("dcim_ups_battery_charge_ratio"), 9);
        Assert.Equal(27, r.Value("dcim_ups_battery_temperature_celsius"), 9);
        Assert.Equal(24, r.Value("dcim_sensor_temperature_celsius", ("sensor", "environment")), 9);
        Assert.Equal(0.45, r.Value("dcim_sensor_humidity_ratio", ("sensor", "environment")), 9);
        Assert.Equal(1, r.Value("dcim_ups_output_source", ("state", "battery")));
    }
}
