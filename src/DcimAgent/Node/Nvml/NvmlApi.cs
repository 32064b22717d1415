using System.Runtime.InteropServices;

namespace DcimAgent.Node.Nvml;

/// <summary>
/// The NVML entry points the collector calls, as delegates bound to exports of libnvidia-ml.so.1 (nvml.h).
/// Bound at run time through NativeLibrary so a host without the driver gets an error, not a load failure.
/// </summary>
internal static class NvmlApi
{
    public const int Success = 0;
    public const int ErrorNotSupported = 3;
    public const int ErrorFunctionNotFound = 13;

    /// <summary>nvmlTemperatureSensors_t NVML_TEMPERATURE_GPU.</summary>
    public const int TemperatureGpu = 0;

    /// <summary>nvmlTemperatureThresholds_t NVML_TEMPERATURE_THRESHOLD_SLOWDOWN.</summary>
    public const int ThresholdSlowdown = 1;

    /// <summary>nvmlClockType_t NVML_CLOCK_SM / NVML_CLOCK_MEM.</summary>
    public const int ClockSm = 1;
    public const int ClockMem = 2;

    /// <summary>nvmlMemoryErrorType_t and nvmlEccCounterType_t NVML_VOLATILE_ECC.</summary>
    public const int EccCorrected = 0;
    public const int EccUncorrected = 1;
    public const int EccVolatile = 0;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int NoArgs();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetCount(out uint count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetHandleByIndex(uint index, out IntPtr device);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetString(IntPtr device, [Out] byte[] buffer, uint length);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetSystemString([Out] byte[] buffer, uint length);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetBuffer(IntPtr device, [Out] byte[] buffer);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetUInt(IntPtr device, out uint value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetUIntOf(IntPtr device, int kind, out uint value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetULong(IntPtr device, out ulong value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetEcc(IntPtr device, int errorType, int counterType, out ulong value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetUtilization(IntPtr device, out Utilization value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int GetMemory(IntPtr device, out Memory value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ErrorString(int result);

    /// <summary>nvmlUtilization_t: percent of time over the last sample period.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Utilization
    {
        public uint Gpu;
        public uint Memory;
    }

    /// <summary>nvmlMemory_t (v1): bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }
}
