using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Accelerators;

public sealed class AcceleratorSampleMapperTests
{
    private static readonly DeviceIdentity Host = AcceleratorFixtures.Host;

    [Theory]
    [InlineData(0x4ul, "power_cap")]
    [InlineData(0x20ul, "thermal")]
    [InlineData(0x40ul, "thermal")]
    [InlineData(0x8ul, "hw_slowdown")]
    [InlineData(0x80ul, "power_brake")]
    public void Write_ClockEventBit_SetsOnlyItsReason(ulong mask, string reason)
    {
        var store = new SeriesStore();

        AcceleratorSampleMapper.Write([new AcceleratorReading { Index = 2, ClockEventReasons = (ClockEventReasons)mask }], Host, 1000, store);

        foreach (var r in MetricCatalog.ThrottleReasons)
        {
            Assert.True(store.TryGet(MetricCatalog.AcceleratorThrottled, Host, LabelSet.Of(("accelerator", "2"), ("reason", r)), out var v));
            Assert.Equal(r == reason ? 1 : 0, v);
        }
    }

    [Fact]
    public void Write_IdleOnly_IsNotThrottled()
    {
        var store = new SeriesStore();

        AcceleratorSampleMapper.Write([new AcceleratorReading { ClockEventReasons = ClockEventReasons.GpuIdle | ClockEventReasons.SyncBoost }], Host, 1000, store);

        Assert.All(store.Snapshot(MetricCatalog.AcceleratorThrottled), s => Assert.Equal(0, s.Value));
        Assert.Equal(4, store.Snapshot(MetricCatalog.AcceleratorThrottled).Count);
    }

    [Fact]
    public void Write_MissingReadings_ProduceNoSeries()
    {
        var store = new SeriesStore();

        var n = AcceleratorSampleMapper.Write([new AcceleratorReading { Index = 0, Vendor = "Huawei" }], Host, 1000, store);

        Assert.Equal(1, n); // only dcim_accelerator_info
        Assert.Empty(store.Snapshot(MetricCatalog.AcceleratorPower));
        Assert.Empty(store.Snapshot(MetricCatalog.AcceleratorThrottled));
    }

    [Fact]
    public void Write_CriticalHealth_IsTheOnlyActiveState()
    {
        var store = new SeriesStore();

        AcceleratorSampleMapper.Write([new AcceleratorReading { Index = 1, Health = AcceleratorHealth.Critical }], Host, 1000, store);

        var states = store.Snapshot(MetricCatalog.AcceleratorHealth).ToDictionary(s => s.Labels["state"]!, s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["ok"] = 0, ["warning"] = 0, ["critical"] = 1 }, states);
    }
}
