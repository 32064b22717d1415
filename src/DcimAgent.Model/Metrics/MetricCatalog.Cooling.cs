namespace DcimAgent.Model.Metrics;

/// <summary>spec/metrics.md "Cooling", "Servers" and "Environment sensors".</summary>
public static partial class MetricCatalog
{
    public static readonly MetricFamily CoolingSupplyTemperature = Gauge("dcim_cooling_supply_temperature_celsius", "celsius", "Supply (leaving) temperature", "medium");
    public static readonly MetricFamily CoolingReturnTemperature = Gauge("dcim_cooling_return_temperature_celsius", "celsius", "Return (entering) temperature", "medium");
    public static readonly MetricFamily CoolingSetpoint = Gauge("dcim_cooling_setpoint_celsius", "celsius", "Active setpoint", "medium");
    public static readonly MetricFamily CoolingCapacity = Gauge("dcim_cooling_capacity_watts", "watts", "Cooling output now");
    public static readonly MetricFamily CoolingPower = Gauge("dcim_cooling_power_watts", "watts", "Electrical power consumed by the unit");
    public static readonly MetricFamily CoolingFanSpeed = Gauge("dcim_cooling_fan_speed_ratio", "ratio", "Fan speed 0..1", "fan");
    public static readonly MetricFamily CoolingFlow = Gauge("dcim_cooling_flow_cubic_meters_per_second", "cubic_meters_per_second", "Air or water flow", "medium");
    public static readonly MetricFamily CoolingHumidity = Gauge("dcim_cooling_humidity_ratio", "ratio", "Relative humidity 0..1 (return air)");
    public static readonly MetricFamily CoolingState = StateSet("dcim_cooling_state", "Operating state", ["running", "standby", "off", "fault"]);
    public static readonly MetricFamily CoolingAlarmActive = Gauge("dcim_cooling_alarm_active", string.Empty, "1 while an alarm the unit reports is active", "alarm");

    public static readonly MetricFamily ServerPower = Gauge("dcim_server_power_watts", "watts", "Input power of the whole server");
    public static readonly MetricFamily ServerPsuInputPower = Gauge("dcim_server_psu_input_power_watts", "watts", "Input power per power supply", "psu");
    public static readonly MetricFamily ServerPsuState = StateSet("dcim_server_psu_state", "Power supply health", ["ok", "warning", "failed", "absent"], "psu");
    public static readonly MetricFamily ServerInletTemperature = Gauge("dcim_server_inlet_temperature_celsius", "celsius", "Air inlet temperature");
    public static readonly MetricFamily ServerFanSpeed = Gauge("dcim_server_fan_speed_rpm", "rpm", "Fan speed", "fan");

    public static readonly MetricFamily SensorTemperature = Gauge("dcim_sensor_temperature_celsius", "celsius", "Temperature probe", "sensor");
    public static readonly MetricFamily SensorHumidity = Gauge("dcim_sensor_humidity_ratio", "ratio", "Relative humidity probe 0..1", "sensor");
}
