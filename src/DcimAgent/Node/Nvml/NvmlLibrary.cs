using System.Runtime.InteropServices;
using System.Text;

namespace DcimAgent.Node.Nvml;

/// <summary>
/// libnvidia-ml.so.1 loaded with NativeLibrary.TryLoad and initialised (nvmlInit_v2). A missing library, a
/// missing export or a failed init is a <see cref="CollectorException"/> with NVML's own error text, so a host
/// without the driver or without a GPU says so instead of crashing. Optional exports (clocks-event reasons,
/// total energy) are looked up once; where the driver lacks them the reading is absent.
/// </summary>
internal sealed class NvmlLibrary : IDisposable
{
    public const string DefaultName = "libnvidia-ml.so.1";

    private readonly IntPtr _handle;
    private readonly NvmlApi.NoArgs _shutdown;
    private readonly NvmlApi.ErrorString? _errorString;

    private NvmlLibrary(IntPtr handle)
    {
        _handle = handle;
        _errorString = Optional<NvmlApi.ErrorString>("nvmlErrorString");
        var init = Required<NvmlApi.NoArgs>("nvmlInit_v2");
        _shutdown = Required<NvmlApi.NoArgs>("nvmlShutdown");
        Check(init(), "nvmlInit_v2");

        GetCount = Required<NvmlApi.GetCount>("nvmlDeviceGetCount_v2");
        GetHandleByIndex = Required<NvmlApi.GetHandleByIndex>("nvmlDeviceGetHandleByIndex_v2");
        GetDriverVersion = Required<NvmlApi.GetSystemString>("nvmlSystemGetDriverVersion");
        GetName = Required<NvmlApi.GetString>("nvmlDeviceGetName");
        GetUuid = Required<NvmlApi.GetString>("nvmlDeviceGetUUID");
        GetSerial = Optional<NvmlApi.GetString>("nvmlDeviceGetSerial");
        GetPciInfo = Optional<NvmlApi.GetBuffer>("nvmlDeviceGetPciInfo_v3");
        GetTemperature = Required<NvmlApi.GetUIntOf>("nvmlDeviceGetTemperature");
        GetTemperatureThreshold = Optional<NvmlApi.GetUIntOf>("nvmlDeviceGetTemperatureThreshold");
        GetPowerUsage = Optional<NvmlApi.GetUInt>("nvmlDeviceGetPowerUsage");
        GetEnforcedPowerLimit = Optional<NvmlApi.GetUInt>("nvmlDeviceGetEnforcedPowerLimit");
        GetTotalEnergy = Optional<NvmlApi.GetULong>("nvmlDeviceGetTotalEnergyConsumption");
        GetUtilization = Optional<NvmlApi.GetUtilization>("nvmlDeviceGetUtilizationRates");
        GetMemory = Required<NvmlApi.GetMemory>("nvmlDeviceGetMemoryInfo");
        GetClock = Optional<NvmlApi.GetUIntOf>("nvmlDeviceGetClockInfo");
        GetClocksEventReasons = Optional<NvmlApi.GetULong>("nvmlDeviceGetCurrentClocksEventReasons")
            ?? Optional<NvmlApi.GetULong>("nvmlDeviceGetCurrentClocksThrottleReasons");
        GetEcc = Optional<NvmlApi.GetEcc>("nvmlDeviceGetTotalEccErrors");
    }

    public NvmlApi.GetCount GetCount { get; }

    public NvmlApi.GetHandleByIndex GetHandleByIndex { get; }

    public NvmlApi.GetSystemString GetDriverVersion { get; }

    public NvmlApi.GetString GetName { get; }

    public NvmlApi.GetString GetUuid { get; }

    public NvmlApi.GetString? GetSerial { get; }

    public NvmlApi.GetBuffer? GetPciInfo { get; }

    public NvmlApi.GetUIntOf GetTemperature { get; }

    public NvmlApi.GetUIntOf? GetTemperatureThreshold { get; }

    public NvmlApi.GetUInt? GetPowerUsage { get; }

    public NvmlApi.GetUInt? GetEnforcedPowerLimit { get; }

    public NvmlApi.GetULong? GetTotalEnergy { get; }

    public NvmlApi.GetUtilization? GetUtilization { get; }

    public NvmlApi.GetMemory GetMemory { get; }

    public NvmlApi.GetUIntOf? GetClock { get; }

    public NvmlApi.GetULong? GetClocksEventReasons { get; }

    public NvmlApi.GetEcc? GetEcc { get; }

    /// <exception cref="CollectorException">the library cannot be loaded or NVML does not initialise.</exception>
    public static NvmlLibrary Open(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? DefaultName : path;
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            throw new CollectorException("other",
                $"cannot load {name}: the NVIDIA driver's NVML library is not installed here (use the nvidia-smi or replay collector on hosts without it)");
        }

        try
        {
            return new NvmlLibrary(handle);
        }
        catch
        {
            NativeLibrary.Free(handle);
            throw;
        }
    }

    /// <exception cref="CollectorException">NVML returned an error other than "not supported".</exception>
    public void Check(int result, string call)
    {
        if (result != NvmlApi.Success)
        {
            throw new CollectorException("other", $"NVML {call} failed: {Describe(result)} (code {result})");
        }
    }

    public string Describe(int result)
    {
        if (_errorString is not null && _errorString(result) is var p && p != IntPtr.Zero)
        {
            return Marshal.PtrToStringUTF8(p) ?? "unknown error";
        }

        return "unknown error";
    }

    /// <summary>A NUL-terminated string out of an NVML char buffer.</summary>
    public static string Text(byte[] buffer, int offset = 0, int length = -1)
    {
        var span = buffer.AsSpan(offset, length < 0 ? buffer.Length - offset : length);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    public void Dispose()
    {
        _shutdown();
        NativeLibrary.Free(_handle);
    }

    private T Required<T>(string export)
        where T : Delegate =>
        Optional<T>(export) ?? throw new CollectorException("other", $"{DefaultName} has no export {export}: the driver is too old for this agent");

    private T? Optional<T>(string export)
        where T : Delegate =>
        NativeLibrary.TryGetExport(_handle, export, out var p) ? Marshal.GetDelegateForFunctionPointer<T>(p) : null;
}
