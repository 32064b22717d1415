namespace DcimAgent.Model.Accelerators;

/// <summary>The captured tool outputs the agent reads (probe <c>--format</c>, replay files).</summary>
public enum CaptureFormat
{
    /// <summary><c>nvidia-smi --query-gpu=... --format=csv</c> (with or without header and units).</summary>
    NvidiaSmiCsv,

    /// <summary><c>nvidia-smi -q -x</c>.</summary>
    NvidiaSmiXml,

    /// <summary><c>npu-smi info</c> tables and <c>-t ...</c> detail views, alone or concatenated.</summary>
    NpuSmi,

    /// <summary>The NVML-like JSON lines series: a device line, then one sample per line.</summary>
    NvmlJsonl,
}
