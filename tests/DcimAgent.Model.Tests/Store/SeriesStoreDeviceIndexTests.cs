using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Store;

/// <summary>RemoveDevice goes through a per-device index: it must stay exact through expiry, re-adds and class changes.</summary>
public class SeriesStoreDeviceIndexTests
{
    private static readonly LabelSet Outlet1 = LabelSet.Of(("outlet", "1"), ("outlet_name", "a"));
    private static readonly LabelSet Outlet2 = LabelSet.Of(("outlet", "2"), ("outlet_name", "b"));

    [Fact]
    public void RemoveDevice_AfterSomeSeriesExpired_RemovesOnlyWhatIsLeftAndOtherDevicesStay()
    {
        var store = new SeriesStore();
        var a = new DeviceIdentity("pdu-a", "pdu");
        var b = new DeviceIdentity("pdu-b", "pdu");
        store.Write(new Sample(MetricCatalog.PduOutletPower, a, Outlet1, 10, 1_000));
        store.Write(new Sample(MetricCatalog.PduOutletPower, a, Outlet2, 20, 50_000));
        store.Write(new Sample(MetricCatalog.DeviceUp, a, LabelSet.Empty, 1, 1_000));
        store.Write(new Sample(MetricCatalog.PduOutletPower, b, Outlet1, 30, 1_000));

        Assert.Equal(2, store.ExpireStale(nowMs: 60_000, staleAfterMs: 30_000)); // a/outlet 1 and b/outlet 1; device_up never stale
        Assert.Equal(2, store.RemoveDevice("pdu-a"));                             // a/outlet 2 and a's device_up
        Assert.Equal(0, store.RemoveDevice("pdu-a"));
        Assert.Equal(0, store.SeriesCount);
    }

    [Fact]
    public void RemoveDevice_ProvisionalAndFinalClass_RemovesBothThenReAddedSeriesCountAgain()
    {
        var store = new SeriesStore();
        var provisional = new DeviceIdentity("ups-1", "pdu");
        var final = provisional.WithClass("ups");
        store.Write(new Sample(MetricCatalog.DeviceUp, provisional, LabelSet.Empty, 0, 1));
        store.Write(new Sample(MetricCatalog.DeviceUp, final, LabelSet.Empty, 1, 2));
        store.Write(new Sample(MetricCatalog.PduOutletPower, new DeviceIdentity("other", "pdu"), Outlet1, 5, 1));

        Assert.Equal(2, store.RemoveDevice("ups-1"));
        store.Write(new Sample(MetricCatalog.DeviceUp, final, LabelSet.Empty, 1, 3));

        Assert.Equal(
            "# HELP dcim_device_up 1 if the last poll (or last message within its window) succeeded\n" +
            "# TYPE dcim_device_up gauge\n" +
            "dcim_device_up{device=\"ups-1\",device_class=\"ups\"} 1\n",
            store.ToExpositionText(include: f => f == MetricCatalog.DeviceUp));
        Assert.Equal(1, store.RemoveDevice("ups-1"));
        Assert.Equal(1, store.RemoveDevice("other"));
    }
}
