using DcimAgent.Configuration;
using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Node.Nvml;

namespace DcimAgent.Node;

/// <summary>Builds the collectors and the host identity that <c>node:</c> describes.</summary>
public static class NodeCollectors
{
    public static readonly IReadOnlyList<string> Types = ["nvml", "nvidia-smi", "npu-smi", "replay"];

    public static IAcceleratorCollector Create(NodeCollectorConfig c) => c.Type switch
    {
        "nvml" => new NvmlCollector(c.Path),
        "nvidia-smi" => new NvidiaSmiCollector(c.Path, c.Timeout),
        "npu-smi" => new NpuSmiCollector(c.Path, c.Timeout),
        "replay" => new ReplayCollector(c.Path ?? throw new ArgumentException("replay needs a path"), ReplayFormat(c), c.Speed, c.Loop),
        _ => throw new ArgumentException($"unknown collector type '{c.Type}' (one of {string.Join(", ", Types)})"),
    };

    public static CaptureFormat ReplayFormat(NodeCollectorConfig c) =>
        c.Format is null ? CaptureReader.GuessFormat(c.Path ?? string.Empty)
        : CaptureReader.TryParseFormat(c.Format, out var f) ? f
        : throw new ArgumentException($"unknown replay format '{c.Format}'");

    /// <summary>The host as a device: <c>node.device</c> (else the host name), class accelerator_host, site and location labels.</summary>
    public static DeviceIdentity Host(AgentConfig config)
    {
        var node = config.Node ?? new NodeSection();
        var labels = new Dictionary<string, string>(node.Labels, StringComparer.Ordinal) { ["site"] = config.Agent.Site };
        return new DeviceIdentity(string.IsNullOrEmpty(node.Device) ? Environment.MachineName : node.Device, "accelerator_host", labels);
    }
}
