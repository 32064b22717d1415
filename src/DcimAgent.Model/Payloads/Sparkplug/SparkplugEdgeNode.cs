namespace DcimAgent.Model.Payloads.Sparkplug;

/// <summary>
/// What the consumer must remember about one edge node between messages: the alias table of its BIRTH
/// certificates (aliases are unique across the node and its devices, spec 6.4.3), the last seq, and its devices
/// (an NDEATH takes them all down).
/// </summary>
internal sealed class SparkplugEdgeNode
{
    public Dictionary<ulong, (string Name, uint DataType)> Aliases { get; } = [];

    public HashSet<string> Devices { get; } = new(StringComparer.Ordinal);

    /// <summary>−1 until a seq has been seen (after a BIRTH it is the BIRTH's seq).</summary>
    public int LastSeq { get; set; } = -1;
}
