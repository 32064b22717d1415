using Microsoft.Extensions.Logging;

namespace DcimAgent.Node;

/// <summary>Node-mode log lines: state changes at Warning/Information, per-collection detail at Debug.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "collector {Collector} failed ({Reason}): {Error}")]
    public static partial void CollectorDown(ILogger logger, string collector, string reason, string error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "collector {Collector} reads {Boards} board(s)")]
    public static partial void CollectorUp(ILogger logger, string collector, int boards);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "collector {Collector}: {Boards} board(s), {Samples} samples in {Ms} ms")]
    public static partial void Collected(ILogger logger, string collector, int boards, int samples, double ms);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "dcim-json publish to {Broker} failed: {Error}")]
    public static partial void PublishFailed(ILogger logger, string broker, string error);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "connected to {Broker}, publishing on {Topic}")]
    public static partial void PublisherConnected(ILogger logger, string broker, string topic);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "node mode on {Device}: collectors {Collectors}")]
    public static partial void Starting(ILogger logger, string device, string collectors);
}
