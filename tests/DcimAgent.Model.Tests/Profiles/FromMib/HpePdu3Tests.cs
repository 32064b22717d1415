using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles.FromMib;

/// <summary>
/// hpe-pdu3 written from CPQPOWER-MIB: a 0-based daisy chain (master 0, slave 1), milliwatt totals, thousandths
/// total power factor, hundredths of amperes, tenths of volts, kWh energy, Fahrenheit probes, -1 sentinels.
/// </summary>
public sealed class HpePdu3Tests
{
    private const string B = "1.3.6.1.4.1.232.165.11";

    private const string Chain = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.232.165.11
        {B}.1.1.0|2|2
        {B}.1.2.1.3.0|4|HPE G2 Metered 3Ph
        {B}.1.2.1.3.1|4|HPE G2 Metered 3Ph
        {B}.1.2.1.5.0|4|2.0.0.K
        {B}.1.2.1.8.0|4|CN12345678
        {B}.2.1.1.4.0|2|2500000
        {B}.2.1.1.4.1|2|1100000
        {B}.2.1.1.5.0|2|2345678
        {B}.2.1.1.5.1|2|1000000
        {B}.2.1.1.6.0|2|1234
        {B}.2.1.1.6.1|2|10
        {B}.2.1.1.9.0|2|958
        {B}.2.1.1.9.1|2|920
        {B}.2.2.1.2.0.1|2|2
        {B}.2.2.1.2.0.2|2|3
        {B}.2.2.1.2.0.3|2|4
        {B}.2.2.1.2.1.1|2|1
        {B}.2.2.1.3.0.1|2|2301
        {B}.2.2.1.3.0.2|2|2302
        {B}.2.2.1.3.0.3|2|2303
        {B}.2.2.1.3.1.1|2|2290
        {B}.2.2.1.9.0.1|2|3
        {B}.2.2.1.9.0.2|2|4
        {B}.2.2.1.9.0.3|2|5
        {B}.2.2.1.9.1.1|2|1
        {B}.2.2.1.10.0.1|2|1600
        {B}.2.2.1.10.0.2|2|1600
        {B}.2.2.1.10.0.3|2|-1
        {B}.2.2.1.11.0.1|2|1234
        {B}.2.2.1.11.0.2|2|567
        {B}.2.2.1.11.0.3|2|-1
        {B}.2.2.1.11.1.1|2|999
        {B}.2.2.1.18.0.1|2|3
        {B}.2.2.1.18.0.2|2|4
        {B}.2.2.1.18.0.3|2|5
        {B}.2.2.1.20.0.1|2|280
        {B}.2.2.1.20.0.2|2|130
        {B}.2.2.1.20.0.3|2|0
        {B}.3.1.1.2.0.1|4|Breaker A
        {B}.3.1.1.2.1.1|4|Breaker A
        {B}.3.1.1.11.0.1|2|1600
        {B}.3.1.1.12.0.1|2|845
        {B}.3.1.1.12.1.1|2|100
        {B}.4.1.1.1.0|2|2
        {B}.4.1.1.1.1|2|1
        {B}.4.2.1.2.0.1|4|Rack top
        {B}.4.2.1.2.0.2|4|Rack bottom
        {B}.4.2.1.2.1.1|4|Slave probe
        {B}.4.2.1.3.0.1|2|2
        {B}.4.2.1.3.0.2|2|1
        {B}.4.2.1.3.1.1|2|2
        {B}.4.2.1.4.0.1|2|770
        {B}.4.2.1.4.0.2|2|0
        {B}.4.2.1.4.1.1|2|215
        {B}.4.3.1.2.0.1|4|Rack hum
        {B}.4.3.1.3.0.1|2|2
        {B}.4.3.1.4.0.1|2|455
        {B}.5.1.1.2.0.1|4|web01
        {B}.5.1.1.2.0.2|4|web02
        {B}.5.1.1.2.1.1|4|db01
        {B}.5.1.1.5.0.1|2|123
        {B}.5.1.1.5.0.2|2|-1
        {B}.5.1.1.5.1.1|2|50
        {B}.5.1.1.13.0.1|2|250
        {B}.5.1.1.13.0.2|2|-1
        {B}.5.1.1.14.0.1|2|12
        {B}.5.2.1.1.0.1|2|2
        {B}.5.2.1.1.0.2|2|4
        """;

    [Fact]
    public async Task DaisyChain_TotalsSumBothUnits_PhasesFromMaster_ScaledPerMib()
    {
        var r = await SnmprecPoll.RunAsync(Chain, "hpepdu");

        Assert.Equal("hpe-pdu3", r.Profile);
        Assert.Equal(0, r.Problems);
        Assert.Equal(3345.678, r.Value("dcim_pdu_power_watts"), 6);
        Assert.Equal(3600, r.Value("dcim_pdu_apparent_power_voltamperes"), 6);
        Assert.Equal(1244 * 3.6e6, r.Value("dcim_pdu_energy_joules_total"), 3);
        Assert.Equal(0.958, r.Value("dcim_pdu_power_factor_ratio"), 9);

        Assert.Equal(230.1, r.Value("dcim_pdu_phase_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(230.3, r.Value("dcim_pdu_phase_voltage_volts", ("phase", "L3")), 9);
        Assert.Equal(3, r.Count("dcim_pdu_phase_voltage_volts"));
        Assert.Equal(12.34, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(5.67, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L2")), 9);
        Assert.Equal(2, r.Count("dcim_pdu_phase_current_amperes"));
        Assert.Equal(16, r.Value("dcim_pdu_phase_current_rated_amperes", ("phase", "L2")), 9);
        Assert.Equal(2, r.Count("dcim_pdu_phase_current_rated_amperes"));
        Assert.Equal(280, r.Value("dcim_pdu_phase_power_watts", ("phase", "L1")), 9);
        Assert.Equal(0, r.Value("dcim_pdu_phase_power_watts", ("phase", "L3")), 9);

        Assert.Equal(8.45, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "Breaker A")), 9);
        Assert.Equal(1.0, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "1:Breaker A")), 9);
        Assert.Equal(16, r.Value("dcim_pdu_breaker_current_rated_amperes", ("breaker", "Breaker A")), 9);

        Assert.Equal(1.23, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "1"), ("outlet_name", "web01")), 9);
        Assert.Equal(0.5, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "1:1"), ("outlet_name", "db01")), 9);
        Assert.Equal(2, r.Count("dcim_pdu_outlet_current_amperes"));
        Assert.Equal(250, r.Value("dcim_pdu_outlet_power_watts", ("outlet", "1")), 9);
        Assert.Equal(1, r.Count("dcim_pdu_outlet_power_watts"));
        Assert.Equal(12 * 3.6e6, r.Value("dcim_pdu_outlet_energy_joules_total", ("outlet", "1")), 3);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "1"), ("state", "on")), 9);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "2"), ("state", "off")), 9);

        Assert.Equal(25.0, r.Value("dcim_sensor_temperature_celsius", ("sensor", "Rack top")), 9);
        Assert.Equal(21.5, r.Value("dcim_sensor_temperature_celsius", ("sensor", "Slave probe")), 9);
        Assert.Equal(2, r.Count("dcim_sensor_temperature_celsius"));
        Assert.Equal(0.455, r.Value("dcim_sensor_humidity_ratio", ("sensor", "Rack hum")), 9);
    }
}
