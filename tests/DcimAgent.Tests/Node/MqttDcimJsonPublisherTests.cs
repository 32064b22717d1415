using DcimAgent.Configuration;
using DcimAgent.Model.Accelerators;
using DcimAgent.Node;

namespace DcimAgent.Tests.Node;

public sealed class MqttDcimJsonPublisherTests
{
    [Fact]
    public void TopicFor_Template_FillsSiteAndDevice()
    {
        Assert.Equal("dcim/hall1/gpu-node-01/accelerators", MqttDcimJsonPublisher.TopicFor("dcim/{site}/{device}/accelerators", "hall1", "gpu-node-01"));
    }

    [Fact]
    public async Task Publish_NoBrokerListening_ReturnsFalseInsteadOfThrowing()
    {
        // Port 18999 is in this suite's range and nothing listens on it.
        await using var publisher = new MqttDcimJsonPublisher(
            new NodePublishSection { Url = "mqtt://127.0.0.1:18999", ConnectTimeout = TimeSpan.FromSeconds(2) }, "hall1", "gpu-node-01");
        var doc = DcimJsonDocument.From("gpu-node-01", 1000, [new AcceleratorReading { Index = 0, PowerWatts = 100 }]);

        Assert.False(await publisher.PublishAsync(doc, CancellationToken.None));
        Assert.False(await publisher.PublishAsync(doc, CancellationToken.None));
    }

    [Fact]
    public void Document_RoundTrip_KeepsReadingsAndLeavesAbsentOnesOut()
    {
        var reading = new AcceleratorReading
        {
            Index = 3, Uuid = "GPU-1", PowerWatts = 698.5, EnergyJoules = 5446.962, CoreClockHertz = 1305e6,
            ClockEventReasons = ClockEventReasons.SwPowerCap, EccUncorrected = 0, Health = AcceleratorHealth.Warning,
        };

        var json = System.Text.Encoding.UTF8.GetString(DcimJsonDocument.From("h", 5, [reading]).ToUtf8());
        var back = DcimJsonDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json)).Boards[0].ToReading();

        Assert.Equal(
            """{"schema":"dcim-json/1","host":"h","time_ms":5,"boards":[{"index":3,"uuid":"GPU-1","power_watts":698.5,"energy_joules_total":5446.962,"clock_hertz":{"core":1305000000},"throttled":{"power_cap":true,"thermal":false,"hw_slowdown":false,"power_brake":false},"ecc_errors_total":{"uncorrected":0},"health":"warning"}]}""",
            json);
        Assert.Equal(698.5, back.PowerWatts);
        Assert.Null(back.MemoryClockHertz);
        Assert.Null(back.EccCorrected);
        Assert.Equal(ClockEventReasons.SwPowerCap, back.ClockEventReasons);
        Assert.Equal(AcceleratorHealth.Warning, back.Health);
    }
}
