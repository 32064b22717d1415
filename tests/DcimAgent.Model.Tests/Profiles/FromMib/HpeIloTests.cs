using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles.FromMib;

/// <summary>hpe-ilo written from CPQHLTH-MIB / CPQSINFO-MIB: power meter with PSU-sum fallback, PSU presence and condition, rpm fans, -99 temperatures.</summary>
public sealed class HpeIloTests
{
    private const string H = "1.3.6.1.4.1.232.6.2";

    private static string Server(int powerMeter) => $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.232.9.4.10
        1.3.6.1.4.1.232.1.2.6.1.0|4|P89 v2.76 (10/21/2019)
        1.3.6.1.4.1.232.2.2.2.1.0|4|CZ1234ABCD
        1.3.6.1.4.1.232.2.2.4.2.0|4|ProLiant DL380 Gen9
        {H}.6.7.1.4.0.1|2|3
        {H}.6.7.1.4.0.2|2|2
        {H}.6.7.1.12.0.1|2|4500
        {H}.6.7.1.12.0.2|2|0
        {H}.6.8.1.3.0.1|2|11
        {H}.6.8.1.3.0.2|2|6
        {H}.6.8.1.3.0.3|2|7
        {H}.6.8.1.3.0.4|2|10
        {H}.6.8.1.4.0.1|2|21
        {H}.6.8.1.4.0.2|2|40
        {H}.6.8.1.4.0.3|2|-99
        {H}.6.8.1.4.0.4|2|0
        {H}.6.8.1.6.0.1|2|2
        {H}.6.8.1.6.0.2|2|2
        {H}.6.8.1.6.0.3|2|2
        {H}.6.8.1.6.0.4|2|1
        {H}.9.3.1.3.0.1|2|3
        {H}.9.3.1.3.0.2|2|3
        {H}.9.3.1.3.0.3|2|2
        {H}.9.3.1.4.0.1|2|2
        {H}.9.3.1.4.0.2|2|3
        {H}.9.3.1.4.0.3|2|1
        {H}.9.3.1.7.0.1|2|150
        {H}.9.3.1.7.0.2|2|160
        {H}.9.3.1.7.0.3|2|0
        {H}.15.3.0|2|{powerMeter}
        """;

    [Fact]
    public async Task PowerMeter_Psus_Fans_Temperatures_PerMib()
    {
        var r = await SnmprecPoll.RunAsync(Server(312), "ilo");

        Assert.Equal("hpe-ilo", r.Profile);
        Assert.Equal(0, r.Problems);
        Assert.Equal(312, r.Value("dcim_server_power_watts"), 9);
        Assert.Equal(150, r.Value("dcim_server_psu_input_power_watts", ("psu", "1")), 9);
        Assert.Equal(160, r.Value("dcim_server_psu_input_power_watts", ("psu", "2")), 9);
        Assert.Equal(2, r.Count("dcim_server_psu_input_power_watts"));
        Assert.Equal(1, r.Value("dcim_server_psu_state", ("psu", "1"), ("state", "ok")), 9);
        Assert.Equal(1, r.Value("dcim_server_psu_state", ("psu", "2"), ("state", "warning")), 9);
        Assert.Equal(1, r.Value("dcim_server_psu_state", ("psu", "3"), ("state", "absent")), 9);
        Assert.Equal(0, r.Value("dcim_server_psu_state", ("psu", "3"), ("state", "ok")), 9);
        Assert.Equal(4500, r.Value("dcim_server_fan_speed_rpm", ("fan", "1")), 9);
        Assert.Equal(1, r.Count("dcim_server_fan_speed_rpm"));
        Assert.Equal(21, r.Value("dcim_server_inlet_temperature_celsius"), 9);
        Assert.Equal(21, r.Value("dcim_sensor_temperature_celsius", ("sensor", "1-ambient")), 9);
        Assert.Equal(40, r.Value("dcim_sensor_temperature_celsius", ("sensor", "2-cpu")), 9);
        Assert.Equal(2, r.Count("dcim_sensor_temperature_celsius"));
    }

    [Fact]
    public async Task NoPowerMeter_ServerPowerIsSumOfPresentSupplies()
    {
        var r = await SnmprecPoll.RunAsync(Server(-1), "ilo");

        Assert.Equal(0, r.Problems);
        Assert.Equal(310, r.Value("dcim_server_power_watts"), 9);
    }
}
