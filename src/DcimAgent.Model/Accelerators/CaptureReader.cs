namespace DcimAgent.Model.Accelerators;

/// <summary>One entry point for every captured format (probe, replay).</summary>
public static class CaptureReader
{
    /// <summary>The <c>--format</c> names: nvidia-smi-csv, nvidia-smi-xml, npu-smi, nvml-jsonl.</summary>
    public static bool TryParseFormat(string name, out CaptureFormat format)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "nvidia-smi-csv": format = CaptureFormat.NvidiaSmiCsv; return true;
            case "nvidia-smi-xml": format = CaptureFormat.NvidiaSmiXml; return true;
            case "npu-smi": format = CaptureFormat.NpuSmi; return true;
            case "nvml-jsonl" or "nvml": format = CaptureFormat.NvmlJsonl; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The format a file name suggests (<c>.xml</c>, <c>.csv</c>, <c>.jsonl</c>; other text is npu-smi).</summary>
    public static CaptureFormat GuessFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xml" => CaptureFormat.NvidiaSmiXml,
        ".csv" => CaptureFormat.NvidiaSmiCsv,
        ".jsonl" or ".json" => CaptureFormat.NvmlJsonl,
        _ => CaptureFormat.NpuSmi,
    };

    /// <summary>Every frame of a capture: one for a tool output, one per sample line for a series.</summary>
    /// <exception cref="AcceleratorParseException">the text is not valid output of that format.</exception>
    public static IReadOnlyList<AcceleratorFrame> Read(string text, CaptureFormat format) => format switch
    {
        CaptureFormat.NvidiaSmiCsv => [new AcceleratorFrame(null, NvidiaSmiCsvParser.Parse(text))],
        CaptureFormat.NvidiaSmiXml => [new AcceleratorFrame(null, NvidiaSmiXmlParser.Parse(text))],
        CaptureFormat.NpuSmi => [new AcceleratorFrame(null, NpuSmiParser.Parse(text))],
        CaptureFormat.NvmlJsonl => NvmlSeriesParser.Parse(text),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown capture format"),
    };
}
