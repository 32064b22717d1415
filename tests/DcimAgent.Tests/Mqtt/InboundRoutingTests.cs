using DcimAgent.Mqtt;

namespace DcimAgent.Tests.Mqtt;

/// <summary>What a queued message keeps of MQTTnet's: its subscription identifiers as bits, a shared topic string.</summary>
public class InboundRoutingTests
{
    [Fact]
    public void SubscriptionSet_Identifiers_OneBitPerSubscription()
    {
        var set = SubscriptionSet.From([1, 3, 64]);

        Assert.False(set.IsEmpty);
        Assert.True(set.Contains(0));
        Assert.False(set.Contains(1));
        Assert.True(set.Contains(2));
        Assert.True(set.Contains(63));
        Assert.False(set.Contains(64));
    }

    [Theory]
    [InlineData(new uint[0])]
    [InlineData(new uint[] { 2, 65 })] // beyond 64 subscriptions: routed by topic instead
    [InlineData(new uint[] { 0 })] // not a valid identifier
    public void SubscriptionSet_NoneOrUnusable_EmptyMeansMatchTheTopic(uint[] identifiers) =>
        Assert.True(SubscriptionSet.From(identifiers).IsEmpty);

    [Fact]
    public void SubscriptionSet_NullFromMqtt311_Empty() => Assert.True(SubscriptionSet.From(null).IsEmpty);

    [Fact]
    public void TopicStrings_EqualTopics_TheFirstObjectEveryTime()
    {
        var topics = new TopicStrings();
        var first = string.Concat("tele/", "pow1/SENSOR");
        var second = string.Concat("tele/pow1/", "SENSOR");

        Assert.Same(first, topics.Canonical(first));
        Assert.Same(first, topics.Canonical(second));
        Assert.Equal("tele/pow2/SENSOR", topics.Canonical("tele/pow2/SENSOR"));
        Assert.Equal(2, topics.Count);
    }

    [Fact]
    public void TopicStrings_MoreTopicsThanCapacity_StaysBounded()
    {
        var topics = new TopicStrings();

        for (var i = 0; i < TopicStrings.Capacity + 10; i++)
        {
            Assert.Equal($"t/{i}", topics.Canonical($"t/{i}"));
        }

        Assert.InRange(topics.Count, 1, TopicStrings.Capacity);
    }
}
