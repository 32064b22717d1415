using DcimAgent.Mqtt;

namespace DcimAgent.Tests.Mqtt;

public class TopicMatchCacheTests
{
    [Fact]
    public void TryMatch_RepeatedTopic_SameLabelsAsTheTemplate()
    {
        var cache = new TopicMatchCache(TopicTemplate.Parse("dcim/{site}/{device}/SENSOR"));

        Assert.True(cache.TryMatch("dcim/dc1/pow-7/SENSOR", out var first));
        Assert.True(cache.TryMatch(string.Concat("dcim/dc1/", "pow-7/SENSOR"), out var second));

        Assert.Equal("dc1", second["site"]);
        Assert.Equal("pow-7", second["device"]);
        Assert.Equal(2, second.Count);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryMatch_NonMatchingTopic_FalseEveryTime()
    {
        var cache = new TopicMatchCache(TopicTemplate.Parse("tele/{device}/SENSOR"));

        Assert.False(cache.TryMatch("tele/pow-1/STATE", out var labels));
        Assert.Empty(labels);
        Assert.False(cache.TryMatch("tele/pow-1/STATE", out labels));
        Assert.Empty(labels);
        Assert.True(cache.TryMatch("tele/pow-1/SENSOR", out labels));
        Assert.Equal("pow-1", labels["device"]);
    }

    [Fact]
    public void TryMatch_MoreTopicsThanCapacity_StaysBoundedAndCorrect()
    {
        var cache = new TopicMatchCache(TopicTemplate.Parse("tele/{device}/SENSOR"));

        for (var i = 0; i < TopicMatchCache.Capacity + 10; i++)
        {
            Assert.True(cache.TryMatch($"tele/d{i}/SENSOR", out var labels));
            Assert.Equal($"d{i}", labels["device"]);
        }

        // The cache started over at capacity: the 10 topics after that are all it holds.
        Assert.Equal(10, cache.Count);
    }
}
