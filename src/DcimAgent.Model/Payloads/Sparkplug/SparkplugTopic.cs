namespace DcimAgent.Model.Payloads.Sparkplug;

/// <summary>
/// A topic of the Sparkplug B namespace (spec chapter 4):
/// <c>spBv1.0/group_id/message_type/edge_node_id[/device_id]</c>, or <c>spBv1.0/STATE/host_id</c>.
/// device_id is required for DBIRTH/DDEATH/DDATA/DCMD and forbidden for the node messages.
/// </summary>
public readonly record struct SparkplugTopic(string Group, SparkplugMessageType Type, string EdgeNode, string? DeviceId)
{
    public const string Namespace = "spBv1.0";

    /// <summary>Edge node key: group and node, since node ids are unique only within a group.</summary>
    public string NodeKey => string.Concat(Group, "/", EdgeNode);

    public bool IsDeviceMessage => Type is SparkplugMessageType.DBirth or SparkplugMessageType.DData
        or SparkplugMessageType.DDeath or SparkplugMessageType.DCmd;

    public static SparkplugTopic Parse(string topic)
    {
        var parts = topic.Split('/');
        if (parts.Length < 3 || !string.Equals(parts[0], Namespace, StringComparison.Ordinal))
        {
            throw new PayloadException($"topic '{topic}' is not in the {Namespace} namespace");
        }

        if (string.Equals(parts[1], "STATE", StringComparison.Ordinal))
        {
            return new SparkplugTopic(string.Empty, SparkplugMessageType.State, parts[2], null);
        }

        if (parts.Length is < 4 or > 5 || parts.Any(p => p.Length == 0))
        {
            throw new PayloadException($"topic '{topic}' is not spBv1.0/group/type/edge_node[/device]");
        }

        var type = parts[2] switch
        {
            "NBIRTH" => SparkplugMessageType.NBirth,
            "NDEATH" => SparkplugMessageType.NDeath,
            "NDATA" => SparkplugMessageType.NData,
            "NCMD" => SparkplugMessageType.NCmd,
            "DBIRTH" => SparkplugMessageType.DBirth,
            "DDEATH" => SparkplugMessageType.DDeath,
            "DDATA" => SparkplugMessageType.DData,
            "DCMD" => SparkplugMessageType.DCmd,
            _ => throw new PayloadException($"topic '{topic}': unknown Sparkplug message type '{parts[2]}'"),
        };
        var result = new SparkplugTopic(parts[1], type, parts[3], parts.Length == 5 ? parts[4] : null);
        if (result.IsDeviceMessage != (result.DeviceId is not null))
        {
            throw new PayloadException($"topic '{topic}': {parts[2]} {(result.IsDeviceMessage ? "needs" : "must not have")} a device_id");
        }

        return result;
    }
}

/// <summary>Sparkplug B message types (spec 4.1.2).</summary>
public enum SparkplugMessageType
{
    NBirth,
    NDeath,
    NData,
    NCmd,
    DBirth,
    DDeath,
    DData,
    DCmd,
    State,
}
