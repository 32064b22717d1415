namespace DcimAgent.Configuration;

/// <summary>
/// <c>node:</c> — node mode on a GPU/NPU host (<c>dcim-agent node</c>): which collectors read the boards, how
/// often, and where the readings go (its own /metrics on <see cref="Listen"/>, a dcim-json document per
/// collection to MQTT, or both).
/// </summary>
public sealed class NodeSection
{
    /// <summary>The <c>device</c> label of the host; default: the machine's host name.</summary>
    public string? Device { get; set; }

    /// <summary>Location labels of the host (room, row, rack); <c>site</c> comes from agent.site.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    public List<NodeCollectorConfig> Collectors { get; set; } = [];

    /// <summary>Time between collections (replay uses the capture's own timing for a series).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HOST:PORT for /metrics in node mode; null: agent.listen.</summary>
    public string? Listen { get; set; }

    /// <summary>Publish a dcim-json document per collection; null: do not publish.</summary>
    public NodePublishSection? Publish { get; set; }
}

/// <summary>One entry of <c>node.collectors</c>.</summary>
public sealed class NodeCollectorConfig
{
    /// <summary><c>nvml</c>, <c>nvidia-smi</c>, <c>npu-smi</c> or <c>replay</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>
    /// nvml: the library (default <c>libnvidia-ml.so.1</c>); nvidia-smi / npu-smi: the binary (default from PATH);
    /// replay: the capture file.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>replay: nvidia-smi-csv, nvidia-smi-xml, npu-smi or nvml-jsonl; default from the file extension.</summary>
    public string? Format { get; set; }

    /// <summary>replay: time compression (2 replays a 40 s series in 20 s).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>replay: start again at the end (the demo) instead of repeating the last frame.</summary>
    public bool Loop { get; set; }

    /// <summary>nvidia-smi / npu-smi: a run that takes longer is killed and counted as a timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary><c>node.publish</c>: the MQTT broker and topic for dcim-json documents.</summary>
public sealed class NodePublishSection
{
    /// <summary><c>mqtt://host:port</c>.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Topic template: <c>{site}</c> and <c>{device}</c> are filled in.</summary>
    public string Topic { get; set; } = "dcim/{site}/{device}/accelerators";

    public string? ClientId { get; set; }

    public int Qos { get; set; } = 1;

    public string? Username { get; set; }

    [Secret]
    public string? Password { get; set; }

    public string? PasswordFile { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
