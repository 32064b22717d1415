using DcimAgent.Model.Payloads;

namespace DcimAgent.Model.Tests.Payloads;

/// <summary>Resolve remembers its answers per topic; these pin that the memory never answers a different question.</summary>
public class DeviceDirectoryTests
{
    [Fact]
    public void Resolve_SameTopicLabelsAgain_SameIdentityObject()
    {
        var directory = new DeviceDirectory(labels: new Dictionary<string, string> { ["room"] = "hall-1" });
        var topic = new Dictionary<string, string> { ["device"] = "pow-1" };

        var first = directory.Resolve(topic, null, "pdu");
        var again = directory.Resolve(topic, null, "pdu");

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.Equal("pow-1", first.Device);
        Assert.Equal("pdu", first.DeviceClass);
        Assert.Equal("hall-1", first.LocationLabel("room"));
    }

    [Fact]
    public void Resolve_AlternatingQuestions_EachGetsItsOwnAnswer()
    {
        var directory = new DeviceDirectory(device: "gateway");
        var none = PayloadMessage.NoLabels;
        var topicA = new Dictionary<string, string> { ["device"] = "a" };
        var topicB = new Dictionary<string, string> { ["device"] = "b" };

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("a", directory.Resolve(topicA, "ignored", "pdu")!.Device);
            Assert.Equal("b", directory.Resolve(topicB, null, "pdu")!.Device);
            Assert.Equal("from-payload", directory.Resolve(none, "from-payload", "pdu")!.Device);
            Assert.Equal("gateway", directory.Resolve(none, null, "pdu")!.Device);
            Assert.Equal("sensor", directory.Resolve(none, null, "sensor")!.DeviceClass);
            Assert.Equal("pdu", directory.Resolve(none, null, "pdu")!.DeviceClass);
        }
    }

    [Fact]
    public void Resolve_NothingNamesTheDevice_NullEveryTime()
    {
        var directory = new DeviceDirectory();

        Assert.Null(directory.Resolve(PayloadMessage.NoLabels, null, "pdu"));
        Assert.Null(directory.Resolve(PayloadMessage.NoLabels, null, "pdu"));
        Assert.Equal("x", directory.Resolve(PayloadMessage.NoLabels, "x", "pdu")!.Device);
        Assert.Null(directory.Resolve(PayloadMessage.NoLabels, null, "pdu"));
    }

    [Fact]
    public void CollectComponentLabels_ConfigAndTopic_TopicWinsAndLocationStaysOut()
    {
        var directory = new DeviceDirectory(labels: new Dictionary<string, string> { ["sensor"] = "cfg", ["outlet"] = "7", ["rack"] = "r1" });
        var into = new List<KeyValuePair<string, string>>();

        directory.CollectComponentLabels(new Dictionary<string, string> { ["device"] = "d", ["sensor"] = "topic", ["row"] = "3" }, into);

        Assert.Equal(
            [new KeyValuePair<string, string>("outlet", "7"), new KeyValuePair<string, string>("sensor", "topic")],
            into.OrderBy(p => p.Key).ToList());

        directory.CollectComponentLabels(PayloadMessage.NoLabels, into);
        Assert.Equal(
            [new KeyValuePair<string, string>("outlet", "7"), new KeyValuePair<string, string>("sensor", "cfg")],
            into.OrderBy(p => p.Key).ToList());
    }
}
