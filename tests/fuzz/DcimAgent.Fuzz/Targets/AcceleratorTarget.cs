using System.Text;
using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Fuzz.Targets;

/// <summary>
/// <c>npu-smi</c>, <c>nvidia-csv</c>, <c>nvidia-xml</c>, <c>nvml</c>: the node collectors' text parsers, then the
/// mapping of every parsed board to samples. The one documented failure is <see cref="AcceleratorParseException"/>.
/// </summary>
internal sealed class AcceleratorTarget
{
    private static readonly DeviceIdentity Host = new("fuzz-node", "accelerator_host", new Dictionary<string, string> { ["site"] = "s1" });

    private readonly Func<string, IReadOnlyList<AcceleratorReading>> _parse;
    private readonly Func<string, IEnumerable<string>> _seedFiles;

    private AcceleratorTarget(Func<string, IReadOnlyList<AcceleratorReading>> parse, Func<string, IEnumerable<string>> seedFiles)
    {
        _parse = parse;
        _seedFiles = seedFiles;
    }

    public static AcceleratorTarget Create(string name) => name switch
    {
        "npu-smi" => new(NpuSmiParser.Parse, shared => Directory.GetFiles(Path.Combine(shared, "ascend"), "*.txt")),
        "nvidia-csv" => new(t => NvidiaSmiCsvParser.Parse(t), shared => [Path.Combine(shared, "accelerators", "nvidia-h100", "query-gpu-header.csv")]),
        "nvidia-xml" => new(NvidiaSmiXmlParser.Parse, shared => Directory.GetFiles(Path.Combine(shared, "accelerators", "nvidia-h100"), "*.xml")),
        "nvml" => new(t => [.. NvmlSeriesParser.Parse(t).SelectMany(f => f.Boards)], shared => [Path.Combine(shared, "accelerators", "nvidia-h100", "nvml-series.jsonl")]),
        _ => throw new ArgumentException($"no accelerator parser '{name}'", nameof(name)),
    };

    public void Run(ReadOnlySpan<byte> data)
    {
        IReadOnlyList<AcceleratorReading> boards;
        try
        {
            boards = _parse(Encoding.UTF8.GetString(data));
        }
        catch (AcceleratorParseException)
        {
            return;
        }

        AcceleratorSampleMapper.Write(boards, Host, 1_000, new DiscardingSink());
    }

    /// <summary>Seeds from tests/fixtures; large files are cut to their first 4 KiB as well.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Seeds(string repoRoot)
    {
        var shared = Path.Combine(repoRoot, "tests", "fixtures");
        foreach (var f in _seedFiles(shared).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(f);
            yield return (Path.GetFileName(f), bytes);
            if (bytes.Length > 4096)
            {
                var cut = Array.LastIndexOf(bytes, (byte)'\n', 4095);
                yield return (Path.GetFileName(f) + ".head", bytes[..Math.Max(cut, 1)]);
            }
        }
    }
}
