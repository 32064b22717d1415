namespace DcimAgent.Simulator.Physics;

/// <summary>
/// How one accelerator model behaves. The H100 numbers come from the real NVML series in
/// tests/fixtures/accelerators/nvidia-h100 (idle ~71 W at 35 °C and 345 MHz; under load pinned at the 700 W
/// limit with the SW power cap reason and 1305–1410 MHz; 53 → 64 °C; 89 °C slowdown); the Ascend numbers from
/// the real npu-smi tables in tests/fixtures/ascend (910B3: 88–97 W and 30–37 °C idle, 64 GiB HBM).
/// </summary>
public sealed record BoardSpec
{
    public required string Vendor { get; init; }

    public required string Model { get; init; }

    public required string Driver { get; init; }

    public required double IdlePowerW { get; init; }

    /// <summary>What the board would draw flat out without a limit; above <see cref="PowerLimitW"/> it is capped.</summary>
    public required double LoadDemandW { get; init; }

    /// <summary>Enforced power limit; null when the board's tool does not report one (npu-smi).</summary>
    public double? PowerLimitW { get; init; }

    /// <summary>Steady die temperature = inlet + offset + coefficient × power.</summary>
    public required double ThermalOffsetC { get; init; }

    public required double ThermalCoefficientCPerW { get; init; }

    /// <summary>Die temperature the firmware holds by cutting clocks (a little under the slowdown threshold).</summary>
    public required double ThrottleTemperatureC { get; init; }

    /// <summary>The board's reported slowdown threshold; null when not reported.</summary>
    public double? SlowdownTemperatureC { get; init; }

    public required double IdleClockMHz { get; init; }

    public required double MaxClockMHz { get; init; }

    /// <summary>Power at which the core clock would reach <see cref="MaxClockMHz"/> (clock scales with power).</summary>
    public required double ClockPowerReferenceW { get; init; }

    public double? MemoryClockMHz { get; init; }

    public required double MemoryTotalBytes { get; init; }

    public required double MemoryIdleBytes { get; init; }

    public required double MemoryLoadBytes { get; init; }

    /// <summary>Whether the tool reports throttle reasons (NVML does, npu-smi does not).</summary>
    public bool ReportsThrottle { get; init; }

    /// <summary>Whether the tool reports ECC counters.</summary>
    public bool ReportsEcc { get; init; }

    public static BoardSpec H100 { get; } = new()
    {
        Vendor = "NVIDIA",
        Model = "NVIDIA H100 80GB HBM3",
        Driver = "580.159.04",
        IdlePowerW = 71,
        LoadDemandW = 760,
        PowerLimitW = 700,
        ThermalOffsetC = 8,
        ThermalCoefficientCPerW = 0.05,
        ThrottleTemperatureC = 85,
        SlowdownTemperatureC = 89,
        IdleClockMHz = 345,
        MaxClockMHz = 1980,
        ClockPowerReferenceW = 980,
        MemoryClockMHz = 2619,
        MemoryTotalBytes = 85_520_809_984,
        MemoryIdleBytes = 503_316_480,
        MemoryLoadBytes = 1618.0 * 1024 * 1024,
        ReportsThrottle = true,
        ReportsEcc = true,
    };

    public static BoardSpec Ascend910B3 { get; } = new()
    {
        Vendor = "Huawei",
        Model = "Ascend 910B3",
        Driver = "24.1.rc2",
        IdlePowerW = 90,
        LoadDemandW = 310,
        ThermalOffsetC = 8,
        ThermalCoefficientCPerW = 0.06,
        ThrottleTemperatureC = 95,
        IdleClockMHz = 800,
        MaxClockMHz = 1800,
        ClockPowerReferenceW = 310,
        MemoryTotalBytes = 65536.0 * 1024 * 1024,
        MemoryIdleBytes = 3000.0 * 1024 * 1024,
        MemoryLoadBytes = 54592.0 * 1024 * 1024,
    };
}
