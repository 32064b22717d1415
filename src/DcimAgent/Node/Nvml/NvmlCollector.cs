using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node.Nvml;

/// <summary>
/// Reads every GPU through NVML: identity (name, UUID, serial, PCI bus id, driver), temperature and slowdown
/// threshold, power (NVML's reading, a 1 s average on Ampere and later) and enforced limit, the total energy
/// counter (mJ since driver load), utilization, memory, SM and memory clocks, the clocks-event reasons bitmask
/// and volatile ECC totals. A reading the GPU does not support is absent. The library is opened at the first
/// collection and kept; a failure to open it is retried at the next collection.
/// </summary>
public sealed class NvmlCollector : IAcceleratorCollector, IDisposable
{
    private readonly string? _libraryPath;
    private NvmlLibrary? _nvml;

    public NvmlCollector(string? libraryPath) => _libraryPath = libraryPath;

    public string Name => "nvml";

    public TimeSpan? NextDelay => null;

    public Task<AcceleratorFrame> CollectAsync(CancellationToken ct)
    {
        var nvml = _nvml ??= NvmlLibrary.Open(_libraryPath);
        nvml.Check(nvml.GetCount(out var count), "nvmlDeviceGetCount_v2");
        if (count == 0)
        {
            throw new CollectorException("other", "NVML sees no GPU on this host");
        }

        var driverBuffer = new byte[96];
        var driver = nvml.GetDriverVersion(driverBuffer, (uint)driverBuffer.Length) == NvmlApi.Success ? NvmlLibrary.Text(driverBuffer) : null;
        var boards = new List<AcceleratorReading>((int)count);
        for (var i = 0u; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            nvml.Check(nvml.GetHandleByIndex(i, out var device), $"nvmlDeviceGetHandleByIndex_v2({i})");
            boards.Add(Read(nvml, device, (int)i, driver));
        }

        return Task.FromResult(new AcceleratorFrame(null, boards));
    }

    public void Dispose()
    {
        _nvml?.Dispose();
        _nvml = null;
    }

    private static AcceleratorReading Read(NvmlLibrary nvml, IntPtr d, int index, string? driver)
    {
        var text = new byte[96];
        string? Str(NvmlApi.GetString? f) => f is not null && f(d, text, (uint)text.Length) == NvmlApi.Success ? NvmlLibrary.Text(text) : null;
        double? U(NvmlApi.GetUInt? f) => f is not null && f(d, out var v) == NvmlApi.Success ? v : null;
        double? UOf(NvmlApi.GetUIntOf? f, int kind) => f is not null && f(d, kind, out var v) == NvmlApi.Success ? v : null;

        var r = new AcceleratorReading
        {
            Index = index,
            Vendor = "NVIDIA",
            Driver = driver,
            Model = Str(nvml.GetName),
            Uuid = Str(nvml.GetUuid),
            Serial = Str(nvml.GetSerial),
            TemperatureCelsius = UOf(nvml.GetTemperature, NvmlApi.TemperatureGpu),
            SlowdownTemperatureCelsius = UOf(nvml.GetTemperatureThreshold, NvmlApi.ThresholdSlowdown),
            PowerWatts = U(nvml.GetPowerUsage) / 1000.0,
            PowerLimitWatts = U(nvml.GetEnforcedPowerLimit) / 1000.0,
            CoreClockHertz = UOf(nvml.GetClock, NvmlApi.ClockSm) * 1e6,
            MemoryClockHertz = UOf(nvml.GetClock, NvmlApi.ClockMem) * 1e6,
        };

        // nvmlPciInfo_t: busIdLegacy[16], domain, bus, device, pciDeviceId, pciSubSystemId (5 × uint), busId[32].
        var pci = new byte[128];
        if (nvml.GetPciInfo is { } getPci && getPci(d, pci) == NvmlApi.Success)
        {
            r.PciBusId = NvmlLibrary.Text(pci, 36, 32);
        }

        if (nvml.GetTotalEnergy is { } energy && energy(d, out var mj) == NvmlApi.Success)
        {
            r.EnergyJoules = mj / 1000.0;
        }

        if (nvml.GetUtilization is { } util && util(d, out var u) == NvmlApi.Success)
        {
            r.UtilizationRatio = u.Gpu / 100.0;
        }

        if (nvml.GetMemory(d, out var mem) == NvmlApi.Success)
        {
            r.MemoryUsedBytes = mem.Used;
            r.MemoryTotalBytes = mem.Total;
        }

        if (nvml.GetClocksEventReasons is { } reasons && reasons(d, out var mask) == NvmlApi.Success)
        {
            r.ClockEventReasons = (ClockEventReasons)mask;
        }

        if (nvml.GetEcc is { } ecc)
        {
            r.EccCorrected = ecc(d, NvmlApi.EccCorrected, NvmlApi.EccVolatile, out var c) == NvmlApi.Success ? c : null;
            r.EccUncorrected = ecc(d, NvmlApi.EccUncorrected, NvmlApi.EccVolatile, out var un) == NvmlApi.Success ? un : null;
        }

        return r;
    }
}
