using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles.FromMib;

/// <summary>ibm-imm written from IMM-MIB: fuel gauge power, named temperatures with the ambient row as inlet, PSU health text.</summary>
public sealed class IbmImmTests
{
    private const string M = "1.3.6.1.4.1.2.3.51.3.1";

    private const string Imm = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2.3.51.3
        {M}.1.2.1.2.1|4|Ambient Temp
        {M}.1.2.1.2.2|4|CPU1 Temp
        {M}.1.2.1.3.1|2|23
        {M}.1.2.1.3.2|2|48
        {M}.3.2.1.3.1|4| 45% of maximum
        {M}.5.2.1.1.0|4|7915
        {M}.5.2.1.3.0|4|06ABCDE
        {M}.5.2.1.5.0|4|System x3650 M4
        {M}.10.1.10.0|2|287
        {M}.11.2.1.2.1|4|Power Supply 1
        {M}.11.2.1.2.2|4|Power Supply 2
        {M}.11.2.1.6.1|4|Normal
        {M}.11.2.1.6.2|4|Critical
        """;

    [Fact]
    public async Task FuelGauge_Temperatures_PsuHealth_PerMib()
    {
        var r = await SnmprecPoll.RunAsync(Imm, "imm");

        Assert.Equal("ibm-imm", r.Profile);
        Assert.Equal(0, r.Problems);
        Assert.Equal(287, r.Value("dcim_server_power_watts"), 9);
        Assert.Equal(23, r.Value("dcim_server_inlet_temperature_celsius"), 9);
        Assert.Equal(48, r.Value("dcim_sensor_temperature_celsius", ("sensor", "CPU1 Temp")), 9);
        Assert.Equal(1, r.Count("dcim_sensor_temperature_celsius"));
        Assert.Equal(1, r.Value("dcim_server_psu_state", ("psu", "Power Supply 1"), ("state", "ok")), 9);
        Assert.Equal(1, r.Value("dcim_server_psu_state", ("psu", "Power Supply 2"), ("state", "failed")), 9);
        Assert.Equal(0, r.Value("dcim_server_psu_state", ("psu", "Power Supply 2"), ("state", "ok")), 9);
        Assert.Equal(0, r.Count("dcim_server_fan_speed_rpm"));
    }
}
