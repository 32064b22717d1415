using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Store;

/// <summary>The store finds series by (device, labels) value without formatting their text; these pin that the
/// shortcut lands on the same series as the text key would, and forgets series that were removed.</summary>
public class SeriesIdentityIndexTests
{
    private static readonly DeviceIdentity Pdu = new("pdu-a1", "pdu", new Dictionary<string, string> { ["rack"] = "a1" });

    [Fact]
    public void Write_EqualButDistinctDeviceAndLabelObjects_UpdateOneSeries()
    {
        var store = new SeriesStore();
        var twin = new DeviceIdentity("pdu-a1", "pdu", new Dictionary<string, string> { ["rack"] = "a1" });

        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, LabelSet.Of(("phase", "L1")), 5.5, 1000));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, twin, LabelSet.Of(("phase", "L1")), 6.25, 2000));

        var series = Assert.Single(store.Snapshot(MetricCatalog.PduPhaseCurrent));
        Assert.Equal(6.25, series.Value);
        Assert.Equal(2000, series.UpdatedMs);
        Assert.Contains(
            "\ndcim_pdu_phase_current_amperes{device=\"pdu-a1\",device_class=\"pdu\",rack=\"a1\",phase=\"L1\"} 6.25\n",
            store.ToExpositionText(include: f => f == MetricCatalog.PduPhaseCurrent), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AfterRemoveDevice_StartsAFreshSeries()
    {
        var store = new SeriesStore();
        var l2 = LabelSet.Of(("phase", "L2"));
        store.Write(new Sample(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, 5000, 1000));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, l2, 3, 1000));

        Assert.Equal(2, store.RemoveDevice("pdu-a1"));
        Assert.False(store.TryGet(MetricCatalog.PduPhaseCurrent, Pdu, l2, out _));

        // A removed counter must not carry its old unwrapping state into the new series: 100 is the first raw value.
        store.Write(new Sample(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, 100, 2000));
        Assert.True(store.TryGet(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, out var energy));
        Assert.Equal(100, energy);
        Assert.Single(store.Snapshot(MetricCatalog.PduEnergy));
    }

    [Fact]
    public void ExpireStale_ThenWrite_KeepsSurvivorsAndRecreatesTheExpired()
    {
        var store = new SeriesStore();
        var l1 = LabelSet.Of(("phase", "L1"));
        var l2 = LabelSet.Of(("phase", "L2"));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, l1, 1, 1000));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, l2, 2, 9000));

        Assert.Equal(1, store.ExpireStale(nowMs: 10_000, staleAfterMs: 5000));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, l2, 2.5, 10_000));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, l1, 1.5, 10_000));

        var values = store.Snapshot(MetricCatalog.PduPhaseCurrent).Select(s => (s.Labels["phase"], s.Value)).ToArray();
        Assert.Equal([("L1", 1.5), ("L2", 2.5)], values);
    }
}
