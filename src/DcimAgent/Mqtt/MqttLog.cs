using Microsoft.Extensions.Logging;

namespace DcimAgent.Mqtt;

/// <summary>Every log line of the MQTT ingestion. Per-message detail is Debug; state changes are Information/Warning.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "MQTT broker {Broker} connected ({Url}, MQTT {Protocol}, session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string broker, string url, int protocol, bool sessionPresent);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "MQTT broker {Broker}: connection failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, long delayMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "MQTT broker {Broker} disconnected ({Reason}); reconnecting")]
    public static partial void Disconnected(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "MQTT broker {Broker}: subscribed {Filter} (QoS {Qos}) for subscription {Subscription}")]
    public static partial void Subscribed(ILogger logger, string broker, string filter, int qos, string subscription);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "MQTT broker {Broker} refused subscription {Subscription} ({Filter}): {Code}")]
    public static partial void SubscribeRefused(ILogger logger, string broker, string subscription, string filter, string code);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "MQTT subscription {Subscription}: message on {Topic} rejected: {Reason} ({Suppressed} similar warnings suppressed before this one)")]
    public static partial void Rejected(ILogger logger, string subscription, string topic, string reason, long suppressed);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "MQTT broker {Broker}: queue full, QoS 0 message on {Topic} dropped ({Suppressed} more dropped before this warning)")]
    public static partial void Dropped(ILogger logger, string broker, string topic, long suppressed);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "MQTT subscription {Subscription}: device {Device} silent for more than 3 × expect_every; dcim_device_up 0")]
    public static partial void Silent(ILogger logger, string subscription, string device);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "MQTT broker {Broker}: processing a message on {Topic} failed")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception, string broker, string topic);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "MQTT broker {Broker}: message on {Topic} matches no subscription")]
    public static partial void Unmatched(ILogger logger, string broker, string topic);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "MQTT broker {Broker}: acknowledgements not sent, the connection is gone ({Reason}); the broker delivers those messages again")]
    public static partial void AckFlushFailed(ILogger logger, string broker, string reason);
}
