namespace DcimAgent.Mqtt;

/// <summary>
/// A message between the MQTTnet handler and the consumer: the payload copied into a pooled buffer (the consumer
/// returns it), the topic, the subscriptions the broker says it matched (MQTT 5 subscription identifiers, as a
/// bit per subscription) and for QoS 1/2 the event whose acknowledgement is sent only after the message is in the
/// store. At QoS 0 it holds no per-message object of MQTTnet's: a flood parks thousands of these in the queue, and
/// whatever they reference survives each garbage collection meanwhile.
/// </summary>
internal readonly record struct InboundMessage(
    string Topic,
    byte[]? Buffer,
    int Length,
    SubscriptionSet Subscriptions,
    MQTTnet.MqttApplicationMessageReceivedEventArgs? PendingAck,
    long ReceivedMs);
