namespace DcimAgent.Model.Metrics;

/// <summary>spec/metrics.md "Accelerator boards". <c>device</c> is the host; <c>accelerator</c> the 0-based board index.</summary>
public static partial class MetricCatalog
{
    public static readonly MetricFamily AcceleratorInfo = Gauge("dcim_accelerator_info", string.Empty, "Board inventory; always 1", "accelerator", "uuid", "vendor", "model", "serial", "driver");
    public static readonly MetricFamily AcceleratorTemperature = Gauge("dcim_accelerator_temperature_celsius", "celsius", "Die temperature", "accelerator");
    public static readonly MetricFamily AcceleratorMemoryTemperature = Gauge("dcim_accelerator_memory_temperature_celsius", "celsius", "HBM temperature", "accelerator");
    public static readonly MetricFamily AcceleratorTemperatureSlowdown = Gauge("dcim_accelerator_temperature_slowdown_celsius", "celsius", "The board's own slowdown threshold", "accelerator");
    public static readonly MetricFamily AcceleratorPower = Gauge("dcim_accelerator_power_watts", "watts", "Board power draw", "accelerator");
    public static readonly MetricFamily AcceleratorPowerLimit = Gauge("dcim_accelerator_power_limit_watts", "watts", "Enforced power limit", "accelerator");
    public static readonly MetricFamily AcceleratorEnergy = Counter("dcim_accelerator_energy_joules_total", "joules", "Board energy counter", "accelerator");
    public static readonly MetricFamily AcceleratorUtilization = Gauge("dcim_accelerator_utilization_ratio", "ratio", "Compute utilization 0..1", "accelerator");
    public static readonly MetricFamily AcceleratorMemoryUsed = Gauge("dcim_accelerator_memory_used_bytes", "bytes", "Device memory used", "accelerator");
    public static readonly MetricFamily AcceleratorMemoryTotal = Gauge("dcim_accelerator_memory_total_bytes", "bytes", "Device memory total", "accelerator");
    public static readonly MetricFamily AcceleratorClock = Gauge("dcim_accelerator_clock_hertz", "hertz", "Current clocks", "accelerator", "clock");
    public static readonly MetricFamily AcceleratorThrottled = Gauge("dcim_accelerator_throttled", string.Empty, "1 while that reason slows the clocks", "accelerator", "reason");
    public static readonly MetricFamily AcceleratorEccErrors = Counter("dcim_accelerator_ecc_errors_total", string.Empty, "Memory ECC errors", "accelerator", "type");
    public static readonly MetricFamily AcceleratorHealth = StateSet("dcim_accelerator_health", "Board health as the board reports it", ["ok", "warning", "critical"], "accelerator");

    /// <summary>The values of the <c>reason</c> label of <see cref="AcceleratorThrottled"/>.</summary>
    public static readonly IReadOnlyList<string> ThrottleReasons = ["power_cap", "thermal", "hw_slowdown", "power_brake"];
}
