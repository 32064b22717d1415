namespace DcimAgent.Model.Accelerators;

/// <summary>
/// What one board (GPU, NPU die) reported in one collection, in base units. Every reading is optional:
/// a value the tool did not print (or printed as <c>N/A</c>, <c>-</c>) stays null and its series is absent,
/// never 0 (spec/metrics.md principles).
/// </summary>
public sealed class AcceleratorReading
{
    /// <summary>0-based board index on the host: the <c>accelerator</c> label.</summary>
    public int Index { get; set; }

    /// <summary>Huawei NPU ID (the card) for npu-smi outputs; detail views are merged by it and <see cref="ChipId"/>.</summary>
    public int? NpuId { get; set; }

    /// <summary>Huawei chip (die) number within the NPU.</summary>
    public int? ChipId { get; set; }

    public string? Uuid { get; set; }

    public string? Vendor { get; set; }

    public string? Model { get; set; }

    public string? Serial { get; set; }

    /// <summary>Driver (NVIDIA) or software package (Ascend) version.</summary>
    public string? Driver { get; set; }

    /// <summary>PCI bus id as the tool prints it (not a label; carried for logs and dcim-json).</summary>
    public string? PciBusId { get; set; }

    public double? TemperatureCelsius { get; set; }

    public double? MemoryTemperatureCelsius { get; set; }

    public double? SlowdownTemperatureCelsius { get; set; }

    public double? PowerWatts { get; set; }

    public double? PowerLimitWatts { get; set; }

    /// <summary>The board's own energy counter (NVML total energy). Null where the board has none.</summary>
    public double? EnergyJoules { get; set; }

    /// <summary>True when <see cref="EnergyJoules"/> was integrated from power by the agent, not read from the board.</summary>
    public bool EnergyIntegrated { get; set; }

    /// <summary>Compute utilization 0..1.</summary>
    public double? UtilizationRatio { get; set; }

    public double? MemoryUsedBytes { get; set; }

    public double? MemoryTotalBytes { get; set; }

    public double? CoreClockHertz { get; set; }

    public double? MemoryClockHertz { get; set; }

    /// <summary>NVML clocks-event reasons bitmask; null when the tool does not report it (Ascend).</summary>
    public ClockEventReasons? ClockEventReasons { get; set; }

    public double? EccCorrected { get; set; }

    public double? EccUncorrected { get; set; }

    public AcceleratorHealth? Health { get; set; }

    /// <summary>A copy, so a replayed capture can be emitted twice without sharing state.</summary>
    public AcceleratorReading Clone() => (AcceleratorReading)MemberwiseClone();
}
