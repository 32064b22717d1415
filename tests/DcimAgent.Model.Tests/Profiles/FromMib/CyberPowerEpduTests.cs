using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles.FromMib;

/// <summary>cyberpower-epdu written from CPS-MIB: phase rows then bank rows in one table, tenths of A/V/kWh, hundredths power factor.</summary>
public sealed class CyberPowerEpduTests
{
    private const string P = "1.3.6.1.4.1.3808.1.1.3";

    private const string Pdu = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.3808.1.1.3
        {P}.1.3.0|4|1.1.2
        {P}.1.5.0|4|PDU20SWHVIEC8FNET
        {P}.1.6.0|4|NVAZA2001234
        {P}.2.1.2.0|2|1
        {P}.2.1.6.1.2.1|2|1
        {P}.2.1.6.1.2.2|2|2
        {P}.2.1.6.1.3.1|2|16
        {P}.2.1.6.1.3.2|2|16
        {P}.2.3.1.1.2.1|66|57
        {P}.2.3.1.1.2.2|66|32
        {P}.2.3.1.1.2.3|66|25
        {P}.2.3.1.1.4.1|2|1
        {P}.2.3.1.1.4.2|2|1
        {P}.2.3.1.1.4.3|2|1
        {P}.2.3.1.1.5.1|2|0
        {P}.2.3.1.1.5.2|2|1
        {P}.2.3.1.1.5.3|2|2
        {P}.2.3.1.1.6.1|2|2305
        {P}.2.3.1.1.7.1|2|1180
        {P}.2.3.1.1.8.1|2|1290
        {P}.2.3.1.1.9.1|2|91
        {P}.2.3.1.1.10.1|2|45678
        {P}.3.5.1.1.2.1|4|router
        {P}.3.5.1.1.2.2|4|Outlet2
        {P}.3.5.1.1.4.1|2|1
        {P}.3.5.1.1.4.2|2|2
        {P}.3.5.1.1.7.1|66|14
        {P}.3.5.1.1.7.2|66|0
        {P}.3.5.1.1.8.1|66|301
        {P}.3.5.1.1.8.2|66|0
        {P}.3.5.1.1.13.1|66|1234
        {P}.3.5.1.1.13.2|66|0
        """;

    [Fact]
    public async Task PhaseAndBankRows_Outlets_ScaledPerMib()
    {
        var r = await SnmprecPoll.RunAsync(Pdu, "cpspdu");

        Assert.Equal("cyberpower-epdu", r.Profile);
        Assert.Equal(0, r.Problems);
        Assert.Equal(1180, r.Value("dcim_pdu_power_watts"), 9);
        Assert.Equal(1290, r.Value("dcim_pdu_apparent_power_voltamperes"), 9);
        Assert.Equal(4567.8 * 3.6e6, r.Value("dcim_pdu_energy_joules_total"), 1);
        Assert.Equal(0.91, r.Value("dcim_pdu_power_factor_ratio"), 9);
        Assert.Equal(5.7, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(1, r.Count("dcim_pdu_phase_current_amperes"));
        Assert.Equal(230.5, r.Value("dcim_pdu_phase_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(1180, r.Value("dcim_pdu_phase_power_watts", ("phase", "L1")), 9);
        Assert.Equal(3.2, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "1")), 9);
        Assert.Equal(2.5, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "2")), 9);
        Assert.Equal(16, r.Value("dcim_pdu_breaker_current_rated_amperes", ("breaker", "2")), 9);
        Assert.Equal(1.4, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "1"), ("outlet_name", "router")), 9);
        Assert.Equal(301, r.Value("dcim_pdu_outlet_power_watts", ("outlet", "1")), 9);
        Assert.Equal(123.4 * 3.6e6, r.Value("dcim_pdu_outlet_energy_joules_total", ("outlet", "1")), 1);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "1"), ("state", "on")), 9);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "2"), ("state", "off")), 9);
    }
}
