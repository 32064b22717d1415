namespace DcimAgent.Mqtt;

/// <summary>
/// The MQTT 5 subscription identifiers attached to a message, as a bit set over the broker connection's
/// subscriptions (identifier i + 1 is subscription i). Identifiers beyond 64 subscriptions, or none at all (MQTT
/// 3.1.1, a broker that sends none), leave the set empty and the consumer matches the topic against every template.
/// </summary>
internal readonly record struct SubscriptionSet(ulong Bits)
{
    public static SubscriptionSet None => default;

    public bool IsEmpty => Bits == 0;

    public static SubscriptionSet From(IReadOnlyList<uint>? identifiers)
    {
        if (identifiers is null)
        {
            return None;
        }

        ulong bits = 0;
        for (var i = 0; i < identifiers.Count; i++)
        {
            var id = identifiers[i];
            if (id is 0 or > 64)
            {
                return None; // not ours to read as a bit: route by topic
            }

            bits |= 1UL << (int)(id - 1);
        }

        return new SubscriptionSet(bits);
    }

    public bool Contains(int index) => index < 64 && (Bits & (1UL << index)) != 0;
}
