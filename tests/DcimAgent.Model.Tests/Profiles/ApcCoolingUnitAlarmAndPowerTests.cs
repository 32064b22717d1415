using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// apc-cooling-unit's unit power and alarm rows, which the InRow DX recording does not have: hand-written
/// coolingUnit rows shaped like the demo chiller's (description, value, unit text, scale per row).
/// Parts of the unit's power (compressor, condenser fan) and the alarm relay contacts must not be read.
/// </summary>
public sealed class ApcCoolingUnitAlarmAndPowerTests
{
    private const string Analog = "1.3.6.1.4.1.318.1.1.27.1.4.1.2.1";
    private const string Discrete = "1.3.6.1.4.1.318.1.1.27.1.4.2.2.1";

    private static readonly string Unit = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.318.1.3.14.23
        1.3.6.1.4.1.318.1.1.27.1.1.0|2|1
        {Analog}.2.1.1|4|Cool Output
        {Analog}.3.1.1|2|382
        {Analog}.4.1.1|4|kW
        {Analog}.5.1.1|2|10
        {Analog}.2.1.2|4|Unit Input Power
        {Analog}.3.1.2|2|85
        {Analog}.4.1.2|4|kW
        {Analog}.5.1.2|2|10
        {Analog}.2.1.3|4|Compressor Power
        {Analog}.3.1.3|2|144
        {Analog}.4.1.3|4|kW
        {Analog}.5.1.3|2|100
        {Analog}.2.1.4|4|Condenser Fan Power
        {Analog}.3.1.4|2|24
        {Analog}.4.1.4|4|W
        {Analog}.5.1.4|2|1
        {Discrete}.2.1.1|4|Unit Status
        {Discrete}.3.1.1|4|Fault
        {Discrete}.2.1.2|4|Compressor 1 High Pressure Alarm
        {Discrete}.3.1.2|4|Active
        {Discrete}.2.1.3|4|Chilled Water Flow Alarm
        {Discrete}.3.1.3|4|Inactive
        {Discrete}.2.1.4|4|Alarm Relay 1
        {Discrete}.3.1.4|4|Closed
        """;

    [Fact]
    public async Task UnitInputPower_IsTheUnitsPower_PartsAreNot()
    {
        var r = await HandWrittenRecording.RunAsync(Unit, "chiller-1");

        Assert.Equal("apc-cooling-unit", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(8500, r.Value("dcim_cooling_power_watts"), 9);
        Assert.Equal(38200, r.Value("dcim_cooling_capacity_watts"), 9);
        Assert.Equal(1, r.Samples.Count(s => s.Family.Name == "dcim_cooling_power_watts"));
    }

    [Fact]
    public async Task AlarmRows_ActiveIsOneInactiveIsZero_RelayContactsAreNotAlarms()
    {
        var r = await HandWrittenRecording.RunAsync(Unit, "chiller-1");

        Assert.Equal(1, r.Value("dcim_cooling_alarm_active", ("alarm", "Compressor 1 High Pressure Alarm")));
        Assert.Equal(0, r.Value("dcim_cooling_alarm_active", ("alarm", "Chilled Water Flow Alarm")));
        Assert.False(r.Has("dcim_cooling_alarm_active", ("alarm", "Alarm Relay 1")));
        Assert.Equal(2, r.Samples.Count(s => s.Family.Name == "dcim_cooling_alarm_active"));
        Assert.Equal(1, r.Value("dcim_cooling_state", ("state", "fault")));
    }
}
