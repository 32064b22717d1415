using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

/// <summary>What node mode publishes (DcimJsonDocument) is what the MQTT dcim-json format reads.</summary>
public class DcimJsonInteropTests
{
    [Fact]
    public void Map_DocumentSerializedByNodeMode_AcceptedWithItsValues()
    {
        var doc = new DcimJsonDocument
        {
            Host = "gpu-node-17",
            TimeMs = 1795756164328,
            Boards =
            [
                new DcimJsonBoard
                {
                    Index = 0,
                    Uuid = "GPU-01952c05-254a-7bc6-dd11-10dbb5dff193",
                    Power = 699.1,
                    Energy = 5446.962,
                    Clocks = new() { ["core"] = 1.41e9 },
                    Throttled = new() { ["power_cap"] = true },
                    Health = "ok",
                },
            ],
        };
        var h = new PayloadHarness("dcim-json");

        var outcome = h.Run("dcim/dc1/gpu-node-17/accelerators", doc.ToUtf8());

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(699.1, h.Value(MetricCatalog.AcceleratorPower, "gpu-node-17", ("accelerator", "0")));
        Assert.Equal(5446.962, h.Value(MetricCatalog.AcceleratorEnergy, "gpu-node-17", ("accelerator", "0")));
        Assert.Equal(1.41e9, h.Value(MetricCatalog.AcceleratorClock, "gpu-node-17", ("accelerator", "0"), ("clock", "core")));
        Assert.Equal(1, h.Value(MetricCatalog.AcceleratorThrottled, "gpu-node-17", ("accelerator", "0"), ("reason", "power_cap")));
    }
}
