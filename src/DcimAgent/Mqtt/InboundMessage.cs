using MQTTnet;

namespace DcimAgent.Mqtt;

/// <summary>
/// A message between the MQTTnet handler and the consumer: the payload copied into a pooled buffer (the consumer
/// returns it), the subscription identifiers the broker attached (MQTT 5), and for QoS 1/2 the event whose
/// acknowledgement is sent only after the message is in the store.
/// </summary>
internal readonly record struct InboundMessage(
    string Topic,
    byte[]? Buffer,
    int Length,
    IReadOnlyList<uint>? SubscriptionIds,
    MqttApplicationMessageReceivedEventArgs? PendingAck,
    long ReceivedMs);
