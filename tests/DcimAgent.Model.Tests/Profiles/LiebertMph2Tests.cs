using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// liebert-mph2, from LIEBERT-GP-PDU-MIB (no recording shared): two PDUs on one RPC2 card, every MIB scaling
/// (0.1 V, 0.01 A, 0.1 A rated, 0.1 kWh, 0.01 PF, 0.1 °C, 0.1 %RH) and the pdu.branch.receptacle indexes.
/// </summary>
public sealed class LiebertMph2Tests
{
    private const string Pdu = "1.3.6.1.4.1.476.1.42.3.8";

    private const string TwoPdus = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.476.1.42.4.8.4.2
        {Pdu}.20.1.45.1|4|MPH2-0042
        {Pdu}.30.20.1.20.1.1|4|MPH2 RPC2
        {Pdu}.30.20.1.50.1.1|66|12345
        {Pdu}.30.20.1.50.2.1|66|100
        {Pdu}.30.20.1.60.1.1|4|1.4.0.0
        {Pdu}.30.20.1.65.1.1|66|2500
        {Pdu}.30.20.1.65.2.1|66|1000
        {Pdu}.30.20.1.90.1.1|66|2700
        {Pdu}.30.20.1.90.2.1|66|1100
        {Pdu}.30.20.1.95.1.1|2|93
        {Pdu}.30.20.1.95.2.1|2|91
        {Pdu}.30.40.1.19.1.1.1|66|2301
        {Pdu}.30.40.1.19.1.1.2|66|2295
        {Pdu}.30.40.1.19.2.1.1|66|2400
        {Pdu}.30.40.1.22.1.1.1|66|1234
        {Pdu}.30.40.1.22.1.1.2|66|456
        {Pdu}.30.40.1.22.2.1.1|66|999
        {Pdu}.30.40.1.63.1.1.1|66|1500
        {Pdu}.30.40.1.63.1.1.2|66|1000
        {Pdu}.40.20.1.8.1.1|4|Branch A
        {Pdu}.40.20.1.75.1.1|66|160
        {Pdu}.40.20.1.75.2.1|66|200
        {Pdu}.40.20.1.130.1.1|66|789
        {Pdu}.40.20.1.130.1.2|66|0
        {Pdu}.40.20.1.130.2.1|66|250
        {Pdu}.50.20.1.10.1.1.1|4|
        {Pdu}.50.20.1.10.1.2.5|4|db-01
        {Pdu}.50.20.1.61.1.1.1|66|55
        {Pdu}.50.20.1.61.1.2.5|66|130
        {Pdu}.50.20.1.65.1.1.1|66|120
        {Pdu}.50.20.1.65.1.2.5|66|300
        {Pdu}.50.20.1.65.2.1.1|66|40
        {Pdu}.50.20.1.85.1.1.1|66|37
        {Pdu}.50.20.1.95.1.1.1|2|2
        {Pdu}.50.20.1.95.1.2.5|2|3
        {Pdu}.50.20.1.95.2.1.1|2|1
        {Pdu}.60.15.1.10.1.1.1|2|1
        {Pdu}.60.15.1.10.1.1.2|2|2
        {Pdu}.60.15.1.10.1.1.3|2|3
        {Pdu}.60.15.1.15.1.1.1|4|TH01-T
        {Pdu}.60.15.1.15.1.1.2|4|TH01-H
        {Pdu}.60.15.1.20.1.1.1|4|Inlet
        {Pdu}.60.15.1.70.1.1.1|2|235
        {Pdu}.60.15.1.95.1.1.2|66|452
        """;

    [Fact]
    public async Task TwoPdus_MibScalingAndIndexes()
    {
        var r = await HandWrittenRecording.RunAsync(TwoPdus, "mph2");

        Assert.Equal("liebert-mph2", r.Profile.Name);
        Assert.Equal(0, r.Report.Problems);
        Assert.Equal(1, r.Value("dcim_device_info", ("model", "MPH2 RPC2"), ("serial", "MPH2-0042"), ("firmware", "1.4.0.0")));
        Assert.Equal(3500, r.Value("dcim_pdu_power_watts"), 9);
        Assert.Equal(3800, r.Value("dcim_pdu_apparent_power_voltamperes"), 9);
        Assert.Equal(1244.5 * 3.6e6, r.Value("dcim_pdu_energy_joules_total"), 3);
        Assert.Equal(0.93, r.Value("dcim_pdu_power_factor_ratio"), 9);
        Assert.Equal(230.1, r.Value("dcim_pdu_phase_voltage_volts", ("phase", "L1")), 9);
        Assert.Equal(229.5, r.Value("dcim_pdu_phase_voltage_volts", ("phase", "L2")), 9);
        Assert.Equal(12.34, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L1")), 9);
        Assert.Equal(4.56, r.Value("dcim_pdu_phase_current_amperes", ("phase", "L2")), 9);
        Assert.Equal(2, r.Samples.Count(s => s.Family.Name == "dcim_pdu_phase_current_amperes"));
        Assert.Equal(1500, r.Value("dcim_pdu_phase_power_watts", ("phase", "L1")), 9);
        Assert.Equal(7.89, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "1")), 9);
        Assert.Equal(0, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "2")), 9);
        Assert.Equal(2.5, r.Value("dcim_pdu_breaker_current_amperes", ("breaker", "2.1")), 9);
        Assert.Equal(16, r.Value("dcim_pdu_breaker_current_rated_amperes", ("breaker", "1")), 9);
        Assert.Equal(20, r.Value("dcim_pdu_breaker_current_rated_amperes", ("breaker", "2.1")), 9);
        Assert.Equal(120, r.Value("dcim_pdu_outlet_power_watts", ("outlet", "1.1"), ("outlet_name", "1.1")), 9);
        Assert.Equal(300, r.Value("dcim_pdu_outlet_power_watts", ("outlet", "2.5"), ("outlet_name", "db-01")), 9);
        Assert.Equal(40, r.Value("dcim_pdu_outlet_power_watts", ("outlet", "2.1.1")), 9);
        Assert.Equal(0.55, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "1.1")), 9);
        Assert.Equal(1.3, r.Value("dcim_pdu_outlet_current_amperes", ("outlet", "2.5")), 9);
        Assert.Equal(3.7 * 3.6e6, r.Value("dcim_pdu_outlet_energy_joules_total", ("outlet", "1.1")), 3);
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "1.1"), ("state", "on")));
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "2.5"), ("state", "off")));
        Assert.Equal(1, r.Value("dcim_pdu_outlet_state", ("outlet", "2.1.1"), ("state", "off")));
        Assert.Equal(23.5, r.Value("dcim_sensor_temperature_celsius", ("sensor", "Inlet")), 9);
        Assert.Equal(0.452, r.Value("dcim_sensor_humidity_ratio", ("sensor", "TH01-H")), 9);
        Assert.Single(r.Samples, s => s.Family.Name == "dcim_sensor_temperature_celsius");
    }
}
