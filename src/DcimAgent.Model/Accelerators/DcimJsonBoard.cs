using System.Text.Json.Serialization;

namespace DcimAgent.Model.Accelerators;

/// <summary>One board of a <see cref="DcimJsonDocument"/>; every reading optional.</summary>
public sealed record DcimJsonBoard
{
    [JsonPropertyName("index")]
    public int Index { get; init; }

    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    [JsonPropertyName("vendor")]
    public string? Vendor { get; init; }

    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("serial")]
    public string? Serial { get; init; }

    [JsonPropertyName("driver")]
    public string? Driver { get; init; }

    [JsonPropertyName("temperature_celsius")]
    public double? Temperature { get; init; }

    [JsonPropertyName("memory_temperature_celsius")]
    public double? MemoryTemperature { get; init; }

    [JsonPropertyName("temperature_slowdown_celsius")]
    public double? SlowdownTemperature { get; init; }

    [JsonPropertyName("power_watts")]
    public double? Power { get; init; }

    [JsonPropertyName("power_limit_watts")]
    public double? PowerLimit { get; init; }

    [JsonPropertyName("energy_joules_total")]
    public double? Energy { get; init; }

    [JsonPropertyName("utilization_ratio")]
    public double? Utilization { get; init; }

    [JsonPropertyName("memory_used_bytes")]
    public double? MemoryUsed { get; init; }

    [JsonPropertyName("memory_total_bytes")]
    public double? MemoryTotal { get; init; }

    /// <summary><c>core</c>, <c>memory</c> → Hz.</summary>
    [JsonPropertyName("clock_hertz")]
    public Dictionary<string, double>? Clocks { get; init; }

    /// <summary><c>power_cap</c>, <c>thermal</c>, <c>hw_slowdown</c>, <c>power_brake</c> → active.</summary>
    [JsonPropertyName("throttled")]
    public Dictionary<string, bool>? Throttled { get; init; }

    /// <summary><c>corrected</c>, <c>uncorrected</c> → count.</summary>
    [JsonPropertyName("ecc_errors_total")]
    public Dictionary<string, double>? Ecc { get; init; }

    /// <summary><c>ok</c>, <c>warning</c>, <c>critical</c>.</summary>
    [JsonPropertyName("health")]
    public string? Health { get; init; }

    public static DcimJsonBoard From(AcceleratorReading r) => new()
    {
        Index = r.Index,
        Uuid = r.Uuid,
        Vendor = r.Vendor,
        Model = r.Model,
        Serial = r.Serial,
        Driver = r.Driver,
        Temperature = r.TemperatureCelsius,
        MemoryTemperature = r.MemoryTemperatureCelsius,
        SlowdownTemperature = r.SlowdownTemperatureCelsius,
        Power = r.PowerWatts,
        PowerLimit = r.PowerLimitWatts,
        Energy = r.EnergyJoules,
        Utilization = r.UtilizationRatio,
        MemoryUsed = r.MemoryUsedBytes,
        MemoryTotal = r.MemoryTotalBytes,
        Clocks = Keyed(("core", r.CoreClockHertz), ("memory", r.MemoryClockHertz)),
        Throttled = r.ClockEventReasons is { } mask ? AcceleratorSampleMapper.ThrottleReasons(mask).ToDictionary(p => p.Reason, p => p.Active) : null,
        Ecc = Keyed(("corrected", r.EccCorrected), ("uncorrected", r.EccUncorrected)),
        Health = r.Health is { } h ? AcceleratorSampleMapper.HealthState(h) : null,
    };

    /// <summary>Back to a reading (the throttle reasons as the NVML bits that stand for them).</summary>
    public AcceleratorReading ToReading()
    {
        ClockEventReasons? reasons = null;
        if (Throttled is not null)
        {
            var mask = ClockEventReasons.None;
            if (Throttled.GetValueOrDefault("power_cap")) { mask |= ClockEventReasons.SwPowerCap; }
            if (Throttled.GetValueOrDefault("thermal")) { mask |= ClockEventReasons.SwThermalSlowdown; }
            if (Throttled.GetValueOrDefault("hw_slowdown")) { mask |= ClockEventReasons.HwSlowdown; }
            if (Throttled.GetValueOrDefault("power_brake")) { mask |= ClockEventReasons.HwPowerBrakeSlowdown; }
            reasons = mask;
        }

        return new AcceleratorReading
        {
            Index = Index,
            Uuid = Uuid,
            Vendor = Vendor,
            Model = Model,
            Serial = Serial,
            Driver = Driver,
            TemperatureCelsius = Temperature,
            MemoryTemperatureCelsius = MemoryTemperature,
            SlowdownTemperatureCelsius = SlowdownTemperature,
            PowerWatts = Power,
            PowerLimitWatts = PowerLimit,
            EnergyJoules = Energy,
            UtilizationRatio = Utilization,
            MemoryUsedBytes = MemoryUsed,
            MemoryTotalBytes = MemoryTotal,
            CoreClockHertz = Get(Clocks, "core"),
            MemoryClockHertz = Get(Clocks, "memory"),
            ClockEventReasons = reasons,
            EccCorrected = Get(Ecc, "corrected"),
            EccUncorrected = Get(Ecc, "uncorrected"),
            Health = Health switch
            {
                "ok" => AcceleratorHealth.Ok,
                "warning" => AcceleratorHealth.Warning,
                "critical" => AcceleratorHealth.Critical,
                null => null,
                _ => throw new AcceleratorParseException($"dcim-json: board {Index} health '{Health}' is not ok/warning/critical"),
            },
        };
    }

    private static double? Get(Dictionary<string, double>? d, string key) =>
        d is not null && d.TryGetValue(key, out var v) ? v : null;

    private static Dictionary<string, double>? Keyed(params (string Key, double? Value)[] pairs)
    {
        Dictionary<string, double>? d = null;
        foreach (var (k, v) in pairs)
        {
            if (v is { } x)
            {
                (d ??= new Dictionary<string, double>(StringComparer.Ordinal))[k] = x;
            }
        }

        return d;
    }
}
