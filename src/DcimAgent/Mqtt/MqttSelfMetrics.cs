using Prometheus;

namespace DcimAgent.Mqtt;

/// <summary>
/// The agent's own MQTT counters (prometheus-net, registry injected), apart from the device families in the store:
/// queue overflow, reconnects and Sparkplug sequence gaps.
/// </summary>
public sealed class MqttSelfMetrics
{
    public MqttSelfMetrics(IMetricFactory factory)
    {
        QueueDropped = factory.CreateCounter("dcim_agent_mqtt_queue_dropped_total",
            "QoS 0 MQTT messages dropped because the ingestion queue was full", ["broker"]);
        QueueWaits = factory.CreateCounter("dcim_agent_mqtt_queue_waits_total",
            "QoS 1/2 MQTT messages that waited for room in the full ingestion queue (acknowledged late, not lost)", ["broker"]);
        Reconnects = factory.CreateCounter("dcim_agent_mqtt_reconnects_total",
            "Successful MQTT connections after the first one", ["broker"]);
        SeqGaps = factory.CreateCounter("dcim_agent_mqtt_sparkplug_seq_gaps_total",
            "Sparkplug B sequence numbers found missing", ["subscription"]);
    }

    public Counter QueueDropped { get; }

    public Counter QueueWaits { get; }

    public Counter Reconnects { get; }

    public Counter SeqGaps { get; }
}
