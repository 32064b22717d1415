namespace DcimAgent.Model.Metrics;

/// <summary>spec/metrics.md "Power distribution" and "UPS".</summary>
public static partial class MetricCatalog
{
    public static readonly MetricFamily PduPower = Gauge("dcim_pdu_power_watts", "watts", "Total active power drawn by the PDU");
    public static readonly MetricFamily PduApparentPower = Gauge("dcim_pdu_apparent_power_voltamperes", "voltamperes", "Total apparent power");
    public static readonly MetricFamily PduEnergy = Counter("dcim_pdu_energy_joules_total", "joules", "Total active energy");
    public static readonly MetricFamily PduPowerFactor = Gauge("dcim_pdu_power_factor_ratio", "ratio", "Total power factor");
    public static readonly MetricFamily PduPhaseCurrent = Gauge("dcim_pdu_phase_current_amperes", "amperes", "Input current per phase", "phase");
    public static readonly MetricFamily PduPhaseCurrentRated = Gauge("dcim_pdu_phase_current_rated_amperes", "amperes", "Rated (maximum) current per phase", "phase");
    public static readonly MetricFamily PduPhaseVoltage = Gauge("dcim_pdu_phase_voltage_volts", "volts", "Input voltage per phase", "phase");
    public static readonly MetricFamily PduPhasePower = Gauge("dcim_pdu_phase_power_watts", "watts", "Active power per phase", "phase");
    public static readonly MetricFamily PduBreakerCurrent = Gauge("dcim_pdu_breaker_current_amperes", "amperes", "Current through an overcurrent protector or bank", "breaker");
    public static readonly MetricFamily PduBreakerCurrentRated = Gauge("dcim_pdu_breaker_current_rated_amperes", "amperes", "Rating of an overcurrent protector or bank", "breaker");
    public static readonly MetricFamily PduOutletPower = Gauge("dcim_pdu_outlet_power_watts", "watts", "Active power per outlet", "outlet", "outlet_name");
    public static readonly MetricFamily PduOutletCurrent = Gauge("dcim_pdu_outlet_current_amperes", "amperes", "Current per outlet", "outlet", "outlet_name");
    public static readonly MetricFamily PduOutletEnergy = Counter("dcim_pdu_outlet_energy_joules_total", "joules", "Energy per outlet", "outlet", "outlet_name");
    public static readonly MetricFamily PduOutletState = StateSet("dcim_pdu_outlet_state", "Switched outlet state", ["on", "off", "unknown"], "outlet", "outlet_name");

    public static readonly MetricFamily UpsInputVoltage = Gauge("dcim_ups_input_voltage_volts", "volts", "UPS input voltage per phase", "phase");
    public static readonly MetricFamily UpsOutputVoltage = Gauge("dcim_ups_output_voltage_volts", "volts", "UPS output voltage per phase", "phase");
    public static readonly MetricFamily UpsOutputCurrent = Gauge("dcim_ups_output_current_amperes", "amperes", "UPS output current per phase", "phase");
    public static readonly MetricFamily UpsOutputPower = Gauge("dcim_ups_output_power_watts", "watts", "UPS output active power");
    public static readonly MetricFamily UpsOutputLoad = Gauge("dcim_ups_output_load_ratio", "ratio", "UPS output load as a share of capacity");
    public static readonly MetricFamily UpsBatteryCharge = Gauge("dcim_ups_battery_charge_ratio", "ratio", "Battery charge 0..1");
    public static readonly MetricFamily UpsBatteryRuntime = Gauge("dcim_ups_battery_runtime_seconds", "seconds", "Estimated battery runtime");
    public static readonly MetricFamily UpsBatteryTemperature = Gauge("dcim_ups_battery_temperature_celsius", "celsius", "Battery temperature");
    public static readonly MetricFamily UpsOutputSource = StateSet("dcim_ups_output_source", "Source feeding the UPS output", ["normal", "battery", "bypass", "other"]);
}
