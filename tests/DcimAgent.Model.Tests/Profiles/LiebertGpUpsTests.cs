using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// liebert-gp-ups, from LIEBERT-GP-POWER-MIB (no recording shared): rows of the measurement tables are picked by
/// their well-known measurement point OID, line index 1..3 is phase A..C, runtime 65535 means unavailable.
/// </summary>
public sealed class LiebertGpUpsTests
{
    private const string Pwr = "1.3.6.1.4.1.476.1.42.3.5";

    // A three-phase GXT4 on battery: input point row 1, output-to-load point row 2; two lines each.
    private const string ThreePhase = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.476.1.42.4.2.23
        1.3.6.1.2.1.33.1.2.7.0|2|31
        1.3.6.1.4.1.476.1.42.2.4.2.1.4.1|4|GXT4-6000RT230
        1.3.6.1.4.1.476.1.42.2.4.2.1.5.1|4|UPS 5.1
        1.3.6.1.4.1.476.1.42.2.4.2.1.7.1|4|1234567890
        {Pwr}.1.18.0|2|42
        {Pwr}.1.19.0|2|97
        {Pwr}.2.2.1.2.1|6|{Pwr}.2.1.1
        {Pwr}.2.2.1.2.2|6|{Pwr}.2.1.5
        {Pwr}.2.2.1.8.1|2|5000
        {Pwr}.2.2.1.8.2|2|4200
        {Pwr}.2.2.1.11.2|2|705
        {Pwr}.2.3.1.3.1.1|6|{Pwr}.2.1.1
        {Pwr}.2.3.1.3.1.2|6|{Pwr}.2.1.1
        {Pwr}.2.3.1.3.2.1|6|{Pwr}.2.1.5
        {Pwr}.2.3.1.3.2.2|6|{Pwr}.2.1.5
        {Pwr}.2.3.1.5.1.1|2|231
        {Pwr}.2.3.1.5.1.2|2|229
        {Pwr}.2.3.1.5.2.1|2|230
        {Pwr}.2.3.1.5.2.2|2|228
        {Pwr}.2.3.1.6.1.1|2|20
        {Pwr}.2.3.1.6.2.1|2|12
        {Pwr}.2.3.1.6.2.2|2|9
        {Pwr}.2.3.1.9.2.1|2|2000
        {Pwr}.2.3.1.9.2.2|2|2100
        {Pwr}.2.3.1.19.2.1|2|68
        {Pwr}.2.3.1.19.2.2|2|71
        {Pwr}.2.3.1.20.1.1|2|400
        {Pwr}.3.55.0|2|5
        """;

    // A single-phase unit that only fills lgpPwrLineMeasurementVolts and the per-point VA percent, and cannot
    // estimate runtime (65535): the RFC 1628 minutes fill in.
    private const string SinglePhase = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.476.1.42.4.2.34
        1.3.6.1.2.1.33.1.2.3.0|2|40
        {Pwr}.1.18.0|2|65535
        {Pwr}.2.2.1.2.1|6|{Pwr}.2.1.5
        {Pwr}.2.2.1.11.1|2|455
        {Pwr}.2.3.1.3.1.1|6|{Pwr}.2.1.5
        {Pwr}.2.3.1.9.1.1|2|1500
        {Pwr}.2.3.1.20.1.1|2|120
        {Pwr}.3.55.0|2|3
        """;

    [Fact]
    public async Task ThreePhase_PointsAndLinesNormalized()
    {
        var r = await HandWrittenRecording.RunAsync(ThreePhase, "gxt4");

        Assert.Equal("liebert-gp-ups", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(2520, r.Value("dcim_ups_battery_runtime_seconds"), 9);
        Assert.Equal(0.97, r.Value("dcim_ups_battery_charge_ratio"), 9);
        Assert.Equal(31, r.Value("dcim_ups_battery_temperature_celsius"), 9);
        Assert.Equal(1, r.Value("dcim_ups_output_source", ("state", "battery")));
        Assert.Equal(0, r.Value("dcim_ups_output_source", ("state", "normal")));
        Assert.Equal(231, r.Value("dcim_ups_input_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(229, r.Value("dcim_ups_input_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(230, r.Value("dcim_ups_output_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(228, r.Value("dcim_ups_output_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(12, r.Value("dcim_ups_output_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(9, r.Value("dcim_ups_output_current_amperes", ("phase", "L2")), 9);
        Assert.Equal(2, r.Samples.Count(s => s.Family.Name == "dcim_ups_output_current_amperes"));
        Assert.Equal(4200, r.Value("dcim_ups_output_power_watts"), 9);
        Assert.Equal(0.71, r.Value("dcim_ups_output_load_ratio"), 9);
        Assert.Equal(1, r.Value("dcim_device_info", ("vendor", "Vertiv"), ("model", "GXT4-6000RT230"), ("serial", "1234567890"), ("firmware", "UPS 5.1")));
    }

    [Fact]
    public async Task SinglePhase_FallbacksAndRuntimeSentinel()
    {
        var r = await HandWrittenRecording.RunAsync(SinglePhase, "gxt5");

        Assert.Equal("liebert-gp-ups", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(2400, r.Value("dcim_ups_battery_runtime_seconds"), 9);
        Assert.Equal(120, r.Value("dcim_ups_output_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(1500, r.Value("dcim_ups_output_power_watts"), 9);
        Assert.Equal(0.455, r.Value("dcim_ups_output_load_ratio"), 9);
        Assert.Equal(1, r.Value("dcim_ups_output_source", ("state", "normal")));
        Assert.False(r.Has("dcim_ups_input_voltage_volts"));
    }
}
