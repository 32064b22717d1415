using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles.FromMib;

/// <summary>enlogic-pdu written from ENLOGIC-PDU2-MIB: two chained units, hundredths of amperes, whole volts, tenths of kWh.</summary>
public sealed class EnlogicPduTests
{
    private const string E = "1.3.6.1.4.1.38446.1";

    private const string Chain = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.38446
        {E}.1.2.1.10.1|4|EN1238
        {E}.1.2.1.12.1|4|EN12345678
        {E}.1.2.1.14.1|4|2.6.0
        {E}.2.4.1.4.1|2|2210
        {E}.2.4.1.4.2|2|400
        {E}.2.4.1.5.1|2|2300
        {E}.2.4.1.5.2|2|420
        {E}.2.4.1.9.1|2|98765
        {E}.2.4.1.9.2|2|1235
        {E}.3.4.1.2.1.1|2|1
        {E}.3.4.1.2.1.2|2|2
        {E}.3.4.1.2.2.1|2|1
        {E}.3.4.1.5.1.1|2|512
        {E}.3.4.1.5.1.2|2|498
        {E}.3.4.1.5.2.1|2|177
        {E}.3.4.1.6.1.1|2|231
        {E}.3.4.1.6.1.2|2|229
        {E}.3.4.1.7.1.1|2|1105
        {E}.3.4.1.7.1.2|2|1105
        {E}.4.4.1.3.1.1|4|CB1
        {E}.4.4.1.3.2.1|4|CB1
        {E}.4.4.1.5.1.1|2|734
        {E}.4.4.1.5.2.1|2|177
        {E}.5.4.1.3.1.1|4|psu-a
        {E}.5.4.1.4.1.1|2|1
        {E}.5.4.1.4.1.2|2|0
        {E}.5.9.1.3.1.1|4|psu-a
        {E}.5.9.1.5.1.1|2|145
        {E}.5.9.1.5.2.1|2|20
        {E}.5.9.1.6.1.1|2|320
        """;

    [Fact]
    public async Task ChainedUnits_TotalsSummed_PhasesFromUnitOne_ScaledPerMib()
    {
        var r = await SnmprecPoll.RunAsync(Chain, "enlogic");

        Assert.Equal("enlogic-pdu", r.Profile);
        Assert.Equal(0, r.Problems);
        Assert.Equal(2610, r.Value("dcim_pdu_power_watts"), 9);
        Assert.Equal(2720, r.Value("dcim_pdu_apparent_power_voltamperes"), 9);
        Assert.Equal(10000.0 * 3.6e6, r.Value("dcim_pdu_energy_joules_total"), 1);
        Assert.Equal(5.12, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(4.98, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L2")), 9);
        Assert.Equal(2, r.Count("dcim_pdu_phase_current_amperes"));
        Assert.Equal(229, r.Value("dcim_pdu_phase_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(1105, r.Value("dcim_pdu_phase_power_watts", ("phase", "L1")), 9);
        Assert.Equal(7.34, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "CB1")), 9);
        Assert.Equal(1.77, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "2:CB1")), 9);
        Assert.Equal(1.45, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "1"), ("outlet_name", "psu-a")), 9);
        Assert.Equal(0.2, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "2:1")), 9);
        Assert.Equal(320, r.Value("dcim_pdu_outlet_power_watts", ("outlet", "1")), 9);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "1"), ("state", "on")), 9);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "2"), ("state", "off")), 9);
    }
}
