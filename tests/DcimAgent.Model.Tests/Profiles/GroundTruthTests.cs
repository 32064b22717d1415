using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// Every ground-truth value of tests/fixtures/snmprec/README*.md that has a family in spec/metrics.md,
/// asserted one by one in base units (the README's normalised column), through auto-detection and one poll.
/// </summary>
public sealed class GroundTruthTests
{
    // recording, family, labels ("name=value;..."), expected base-unit value
    public static TheoryData<string, string, string, double> Values() => new()
    {
        { "apc_ap8959eu3", "dcim_pdu_power_watts", "", 270 },
        { "apc_ap8959eu3", "dcim_pdu_energy_joules_total", "", 1967.7 * 3.6e6 },
        { "apc_ap8959eu3", "dcim_pdu_apparent_power_voltamperes", "", 300 },
        { "apc_ap8959eu3", "dcim_pdu_power_factor_ratio", "", 0.82 },
        { "apc_ap8959eu3", "dcim_pdu_phase_current_amperes", "phase=L1", 1.3 },
        { "apc_ap8959eu3", "dcim_pdu_phase_voltage_volts", "phase=L1", 231 },
        { "apc_ap8959eu3", "dcim_pdu_phase_power_watts", "phase=L1", 250 },
        { "apc_apdu10150sm", "dcim_pdu_power_watts", "", 258 },
        { "apc_apdu10150sm", "dcim_pdu_apparent_power_voltamperes", "", 301 },
        { "apc_apdu10150sm", "dcim_pdu_power_factor_ratio", "", 0.85 },
        { "apc_apdu10150sm", "dcim_pdu_energy_joules_total", "", 791.8 * 3.6e6 },
        { "apc_apdu10150sm", "dcim_pdu_outlet_current_amperes", "outlet=2", 0.28 },
        { "apc_apdu10150sm", "dcim_pdu_outlet_power_watts", "outlet=2", 57 },
        { "apc_apdu10150sm", "dcim_pdu_outlet_energy_joules_total", "outlet=2", 109.9 * 3.6e6 },
        { "apc_apdu10150sm", "dcim_pdu_outlet_current_amperes", "outlet=17", 0.26 },
        { "apc_apdu10150sm", "dcim_pdu_outlet_power_watts", "outlet=17", 52 },
        { "apc_isx-pdu", "dcim_pdu_phase_current_amperes", "phase=L1", 44.9 },
        { "apc_isx-pdu", "dcim_pdu_phase_voltage_volts", "phase=L1", 121.2 },
        { "apc_isx-pdu", "dcim_pdu_phase_power_watts", "phase=L1", 5500 },
        { "apc_isx-pdu", "dcim_pdu_power_watts", "", 19200 },
        { "raritan_px3-5493u", "dcim_pdu_phase_current_amperes", "phase=L1", 7.467 },
        { "raritan_px3-5493u", "dcim_pdu_phase_voltage_volts", "phase=L1", 229 },
        { "raritan_px3-5493u", "dcim_pdu_power_watts", "", 1665 },
        { "raritan_px3-5493u", "dcim_pdu_power_factor_ratio", "", 0.98 },
        { "raritan_px3-5493u", "dcim_pdu_energy_joules_total", "", 74057676 * 3600.0 },
        { "raritan_px3-5493u", "dcim_pdu_outlet_current_amperes", "outlet=2", 0.927 },
        { "raritan_px3-5493u", "dcim_pdu_outlet_power_watts", "outlet=2", 207 },
        { "raritan_px3-5493u", "dcim_pdu_outlet_current_amperes", "outlet=13", 1.676 },
        { "raritan_px3-5493u", "dcim_pdu_outlet_energy_joules_total", "outlet=13", 12711248 * 3600.0 },
        { "raritan_px3-5493u", "dcim_sensor_temperature_celsius", "sensor=R03 Inlet Temperature", 23.1 },
        { "raritan_px3-5493u", "dcim_sensor_temperature_celsius", "sensor=R03 Outlet Temperature", 29.8 },
        { "raritan_px2-extsensors", "dcim_pdu_phase_current_amperes", "phase=L1", 3.497 },
        { "raritan_px2-extsensors", "dcim_pdu_phase_voltage_volts", "phase=L1", 209 },
        { "raritan_px2-extsensors", "dcim_pdu_power_watts", "", 673 },
        { "raritan_px2-extsensors", "dcim_sensor_temperature_celsius", "sensor=Temperature 1", 22.9 },
        { "raritan_px2-extsensors", "dcim_sensor_humidity_ratio", "sensor=Relative Humidity 1", 0.15 },
        { "raritan_px2-extsensors", "dcim_sensor_temperature_celsius", "sensor=Temperature 3", 23.7 },
        { "servertech_sentry4", "dcim_pdu_power_factor_ratio", "", 0.95 },
        { "servertech_sentry4", "dcim_pdu_phase_current_amperes", "phase=L1", 5.60 },
        { "servertech_sentry4", "dcim_pdu_phase_voltage_volts", "phase=L1", 207.9 },
        { "servertech_sentry4", "dcim_pdu_phase_power_watts", "phase=L1", 415 },
        { "servertech_sentry3-switched", "dcim_pdu_phase_current_amperes", "phase=L1", 3.09 },
        { "servertech_sentry3-switched", "dcim_pdu_phase_voltage_volts", "phase=L1", 207.0 },
        { "servertech_sentry3-switched", "dcim_pdu_phase_current_rated_amperes", "phase=L1", 30 },
        { "servertech_sentry3-switched", "dcim_pdu_outlet_current_amperes", "outlet=AA10", 0.65 },
        { "servertech_sentry3-switched", "dcim_pdu_outlet_current_amperes", "outlet=AB1", 0.81 },
        { "eaton_epdu-ma", "dcim_pdu_phase_voltage_volts", "phase=L1", 118.45 },
        { "eaton_epdu-ma", "dcim_pdu_phase_current_amperes", "phase=L1", 14.108 },
        { "eaton_epdu-ma", "dcim_pdu_phase_power_watts", "phase=L1", 1589 },
        { "eaton_epdu-ma", "dcim_pdu_energy_joules_total", "", 8185493 * 3600.0 },
        { "eaton_epdu-ma", "dcim_pdu_outlet_current_amperes", "outlet=1", 0.790 },
        { "eaton_epdu-ma", "dcim_pdu_outlet_power_watts", "outlet=1", 80 },
        { "eaton_epdu-ma", "dcim_pdu_outlet_energy_joules_total", "outlet=1", 785621 * 3600.0 },
        { "eaton_epdu-ma", "dcim_pdu_power_factor_ratio", "", 0.946 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_power_watts", "", 1017 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_energy_joules_total", "", 8483906 * 3600.0 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_power_factor_ratio", "", 0.95 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_phase_voltage_volts", "phase=L1", 235.0 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_phase_current_amperes", "phase=L1", 0.95 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_phase_power_watts", "phase=L2", 436 },
        { "vertiv_pdu-mg02e4w1", "dcim_pdu_breaker_current_amperes", "breaker=Circuit 4", 1.81 },
        { "apc_inrow-dx", "dcim_cooling_return_temperature_celsius", "medium=air", 28.0 },
        { "apc_inrow-dx", "dcim_cooling_humidity_ratio", "", 0.306 },
        { "apc_inrow-dx", "dcim_sensor_temperature_celsius", "sensor=Rack Inlet Temperature 3", 20.9 },
        { "apc_inrow-dx", "dcim_cooling_flow_cubic_meters_per_second", "medium=air", 1.083 },
        { "apc_inrow-acrc", "dcim_sensor_temperature_celsius", "sensor=rack inlet", 21.4 },
        { "apc_inrow-acrc", "dcim_cooling_return_temperature_celsius", "medium=air", 23.8 },
        { "apc_inrow-acrc", "dcim_cooling_supply_temperature_celsius", "medium=water", 13.0 },
        { "apc_inrow-acrc", "dcim_cooling_fan_speed_ratio", "", 0.518 },
        { "apc_inrow-acrc", "dcim_cooling_flow_cubic_meters_per_second", "medium=air", 0.810 },
        { "apc_inrow-acrc", "dcim_cooling_capacity_watts", "", 0 },
        { "stulz_wib8000", "dcim_sensor_temperature_celsius", "sensor=UNIT-CA1 (1.1) air", 25.9 },
        { "stulz_wib8000", "dcim_sensor_temperature_celsius", "sensor=UNIT-CA1 (1.1) return air", 26.5 },
        { "stulz_wib8000", "dcim_sensor_temperature_celsius", "sensor=UNIT-CA1 (1.1) supply air", 20.0 },
        { "stulz_wib8000", "dcim_sensor_humidity_ratio", "sensor=UNIT-CA1 (1.1)", 0.424 },
        { "stulz_wib8000", "dcim_sensor_temperature_celsius", "sensor=UNIT-CA1 (1.1) water in", 14.4 },
        { "stulz_wib8000", "dcim_cooling_fan_speed_ratio", "fan=UNIT-CA1 (1.1) fan 1", 0.85 },
        { "liebert_env-weblbds", "dcim_sensor_temperature_celsius", "sensor=control", 24 },
        { "liebert_env-weblbds", "dcim_cooling_supply_temperature_celsius", "medium=air", 25 },
        { "liebert_env-weblbds", "dcim_cooling_return_temperature_celsius", "medium=air", 24 },
        { "liebert_env-weblbds", "dcim_cooling_humidity_ratio", "", 0.34 },
        { "liebert_env-weblbds", "dcim_cooling_fan_speed_ratio", "", 0.50 },
        { "apc_smt750x", "dcim_ups_battery_charge_ratio", "", 1.0 },
        { "apc_smt750x", "dcim_ups_battery_temperature_celsius", "", 23.4 },
        { "apc_smt750x", "dcim_ups_input_voltage_volts", "phase=L1", 119.1 },
        { "apc_smt750x", "dcim_ups_output_load_ratio", "", 0.0 },
        { "apc_smt750x", "dcim_ups_battery_runtime_seconds", "", 109762 },
        { "apc_smt750x", "dcim_sensor_temperature_celsius", "sensor=Equipment Room", 20 },
        { "eaton_9px1000i", "dcim_ups_output_power_watts", "", 360 },
        { "eaton_9px1000i", "dcim_ups_output_current_amperes", "phase=L1", 1.7 },
        { "eaton_9px1000i", "dcim_ups_battery_runtime_seconds", "", 1132 },
        { "eaton_9px1000i", "dcim_sensor_temperature_celsius", "sensor=ambient", 21 },
        { "generex_cs141-ups", "dcim_ups_output_voltage_volts", "phase=L2", 233 },
        { "generex_cs141-ups", "dcim_ups_output_current_amperes", "phase=L2", 2.1 },
        { "generex_cs141-ups", "dcim_ups_output_load_ratio", "", 0.14 },
        { "generex_cs141-ups", "dcim_ups_battery_temperature_celsius", "", 25 },
        { "generex_cs141-ups", "dcim_ups_battery_runtime_seconds", "", 544 * 60 },
        { "huawei_ups2000", "dcim_ups_input_voltage_volts", "phase=L1", 233 },
        { "huawei_ups2000", "dcim_ups_output_current_amperes", "phase=L1", 7.2 },
        { "huawei_ups2000", "dcim_ups_output_load_ratio", "", 0.27 },
        { "huawei_ups2000", "dcim_ups_battery_temperature_celsius", "", 21 },
        { "huawei_ups2000", "dcim_ups_output_voltage_volts", "phase=L1", 230 },
        { "huawei_ups2000", "dcim_ups_output_power_watts", "", 1 },
        { "cyberpower_pr2200rt2uc", "dcim_ups_input_voltage_volts", "phase=L1", 121.0 },
        { "cyberpower_pr2200rt2uc", "dcim_ups_output_current_amperes", "phase=L1", 0.6 },
        { "cyberpower_pr2200rt2uc", "dcim_ups_output_power_watts", "", 69 },
        { "cyberpower_pr2200rt2uc", "dcim_ups_battery_runtime_seconds", "", 10500 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_inlet_temperature_celsius", "", 19.0 },
        { "huawei_ibmc-rh2288hv3", "dcim_sensor_temperature_celsius", "sensor=CPU1", 45.0 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_psu_input_power_watts", "psu=PS1", 132 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_psu_input_power_watts", "psu=PS2", 132 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_power_watts", "", 264 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_fan_speed_rpm", "fan=Fan1 Front", 2400 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_fan_speed_rpm", "fan=Fan1 Rear", 2160 },
        { "huawei_ibmc-rh2288hv3", "dcim_server_fan_speed_rpm", "fan=Fan3 Front", 2520 },
        { "dell_idrac-r640", "dcim_sensor_temperature_celsius", "sensor=CPU1 Temp", 55.0 },
        { "dell_idrac-r640", "dcim_server_inlet_temperature_celsius", "", 25.0 },
        { "dell_idrac-r640", "dcim_server_power_watts", "", 144 },
        { "dell_idrac-r640", "dcim_server_fan_speed_rpm", "fan=System Board Fan1A", 4080 },
        { "supermicro_bmc-x11", "dcim_sensor_temperature_celsius", "sensor=CPU Temp", 32.0 },
        { "supermicro_bmc-x11", "dcim_server_fan_speed_rpm", "fan=FAN1", 8100 },
        { "supermicro_bmc-x11", "dcim_server_psu_input_power_watts", "psu=PSU1", 67 },
        { "lenovo_xcc-sr630v3", "dcim_sensor_temperature_celsius", "sensor=1", 19 },
        { "lenovo_xcc-sr630v3", "dcim_server_power_watts", "", 99 },
    };

    // recording, family, labels: readings the README says are "no reading" / not available.
    public static TheoryData<string, string, string> Absent() => new()
    {
        { "apc_ap8959eu3", "dcim_sensor_temperature_celsius", "" },
        { "servertech_sentry4", "dcim_sensor_temperature_celsius", "" },
        { "servertech_sentry4", "dcim_sensor_humidity_ratio", "" },
        { "servertech_sentry3-switched", "dcim_sensor_temperature_celsius", "" },
        { "apc_smt750x", "dcim_sensor_humidity_ratio", "" },
        { "huawei_ups2000", "dcim_ups_battery_runtime_seconds", "" },
        { "eaton_9px1000i", "dcim_ups_battery_temperature_celsius", "" },
        { "supermicro_bmc-x11", "dcim_server_fan_speed_rpm", "fan=FAN3" },
        { "lenovo_xcc-sr630v3", "dcim_sensor_temperature_celsius", "sensor=4" },
        { "apc_inrow-dx", "dcim_sensor_temperature_celsius", "sensor=Rack Inlet Temperature 1" },
        { "raritan_px2-extsensors", "dcim_sensor_humidity_ratio", "sensor=Absolute Humidity 1" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Recording_GroundTruthObject_NormalizedToReadmeValue(string recording, string family, string labels, double expected)
    {
        var result = await Poll(recording);

        var actual = result.Value(family, Parse(labels));

        Assert.Equal(expected, actual, Math.Max(1e-9, Math.Abs(expected) * 1e-9));
    }

    [Theory]
    [MemberData(nameof(Absent))]
    public async Task Recording_NotAvailableReading_IsAbsentNotZero(string recording, string family, string labels)
    {
        var result = await Poll(recording);

        Assert.False(result.Has(family, Parse(labels)), $"{recording}: {family} {labels} should be absent");
    }

    private static (string, string)[] Parse(string labels) =>
        labels.Length == 0 ? [] : [.. labels.Split(';').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1]))];

    private static Task<GoldenResult> Poll(string recording) =>
        new GoldenCase { Name = recording, Recording = $"snmprec/{recording}.snmprec", ExpectedProfile = string.Empty }.RunAsync();
}
