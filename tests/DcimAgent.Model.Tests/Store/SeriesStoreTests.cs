using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Store;

public class SeriesStoreTests
{
    private static readonly DeviceIdentity Pdu = new("pdu-a01-a", "pdu",
        new Dictionary<string, string> { ["site"] = "dc1", ["rack"] = "A01", ["feed"] = "A", ["room"] = "hall-1" });

    [Fact]
    public void ToExpositionText_GaugesAndCounters_ExactText()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Empty, 1234.5, 1000));
        store.Write(new Sample(MetricCatalog.PduPhaseCurrent, Pdu, LabelSet.Of(("phase", "L1")), 5.2, 1000));
        store.Write(new Sample(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, 3.6e9, 1000));

        var text = store.ToExpositionText();

        Assert.Equal(
            "# HELP dcim_pdu_energy_joules_total Total active energy\n" +
            "# TYPE dcim_pdu_energy_joules_total counter\n" +
            "dcim_pdu_energy_joules_total{device=\"pdu-a01-a\",device_class=\"pdu\",site=\"dc1\",room=\"hall-1\",rack=\"A01\",feed=\"A\"} 3600000000\n" +
            "# HELP dcim_pdu_phase_current_amperes Input current per phase\n" +
            "# TYPE dcim_pdu_phase_current_amperes gauge\n" +
            "dcim_pdu_phase_current_amperes{device=\"pdu-a01-a\",device_class=\"pdu\",site=\"dc1\",room=\"hall-1\",rack=\"A01\",feed=\"A\",phase=\"L1\"} 5.2\n" +
            "# HELP dcim_pdu_power_watts Total active power drawn by the PDU\n" +
            "# TYPE dcim_pdu_power_watts gauge\n" +
            "dcim_pdu_power_watts{device=\"pdu-a01-a\",device_class=\"pdu\",site=\"dc1\",room=\"hall-1\",rack=\"A01\",feed=\"A\"} 1234.5\n",
            text);
    }

    [Fact]
    public void ToExpositionText_OpenMetrics_CounterTypeLineDropsTotal()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, 10, 1000));
        var text = store.ToExpositionText(ExpositionFormat.OpenMetrics);
        Assert.Contains("# TYPE dcim_pdu_energy_joules counter\n", text);
        Assert.Contains("dcim_pdu_energy_joules_total{", text);
    }

    [Fact]
    public void Write_LabelValueWithQuoteAndNewline_IsEscaped()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.PduOutletPower, Pdu, LabelSet.Of(("outlet", "1"), ("outlet_name", "gpu \"node\"\n7\\a")), 100, 1));
        Assert.Contains("outlet_name=\"gpu \\\"node\\\"\\n7\\\\a\"} 100\n", store.ToExpositionText());
    }

    [Fact]
    public void Write_EnergyCounterThatDrops_NeverDecreasesInExposition()
    {
        var store = new SeriesStore();
        double[] raws = [1000, 2000, 2500, 10, 500, 700]; // device reset after 2500
        var exposed = new List<double>();
        foreach (var raw in raws)
        {
            store.Write(new Sample(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, raw, 1));
            Assert.True(store.TryGet(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, out var v));
            exposed.Add(v);
        }

        Assert.Equal([1000, 2000, 2500, 2510, 3000, 3200], exposed);
    }

    [Fact]
    public void Write_DeviceRestarted_Counter32DropIsReset()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.PduOutletEnergy, Pdu, LabelSet.Of(("outlet", "1"), ("outlet_name", "1")), 4294967000, 1, CounterWrap.Bits32));
        store.Write(new Sample(MetricCatalog.PduOutletEnergy, Pdu, LabelSet.Of(("outlet", "1"), ("outlet_name", "1")), 200, 2, CounterWrap.Bits32), deviceRestarted: true);
        Assert.True(store.TryGet(MetricCatalog.PduOutletEnergy, Pdu, LabelSet.Of(("outlet", "1"), ("outlet_name", "1")), out var v));
        Assert.Equal(4294967200, v);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Write_NonFinite_IsRejectedAndCounted(double value)
    {
        var store = new SeriesStore();
        Assert.False(store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Empty, value, 1)));
        Assert.Equal(1, store.Rejected);
        Assert.Equal(0, store.SeriesCount);
    }

    [Fact]
    public void Write_NegativeCounter_IsRejected()
    {
        var store = new SeriesStore();
        Assert.False(store.Write(new Sample(MetricCatalog.PduEnergy, Pdu, LabelSet.Empty, -5, 1)));
        Assert.Equal(1, store.Rejected);
    }

    [Fact]
    public void Write_LabelNotInFamily_IsRejected()
    {
        var store = new SeriesStore();
        Assert.False(store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Of(("outlet", "1")), 5, 1)));
        Assert.Equal(1, store.Rejected);
    }

    [Fact]
    public void ExpireStale_OldDeviceSeries_RemovedButHealthKept()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Empty, 100, 1_000));
        store.Write(new Sample(MetricCatalog.DeviceUp, Pdu, LabelSet.Empty, 0, 1_000));
        store.Write(new Sample(MetricCatalog.PduPhaseVoltage, Pdu, LabelSet.Of(("phase", "L1")), 230, 250_000));

        // stale_after 5 m, now = 302 s: the power reading (1 s) is older than 5 m, the voltage (250 s) is not.
        var removed = store.ExpireStale(302_000, 300_000);

        Assert.Equal(1, removed);
        Assert.False(store.TryGet(MetricCatalog.PduPower, Pdu, LabelSet.Empty, out _));
        Assert.True(store.TryGet(MetricCatalog.DeviceUp, Pdu, LabelSet.Empty, out var up));
        Assert.Equal(0, up);
        Assert.True(store.TryGet(MetricCatalog.PduPhaseVoltage, Pdu, LabelSet.Of(("phase", "L1")), out var volts));
        Assert.Equal(230, volts);
    }

    [Fact]
    public void ExpireStale_ExactlyAtWindow_Kept()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Empty, 100, 1_000));
        Assert.Equal(0, store.ExpireStale(301_000, 300_000));
        Assert.Equal(1, store.ExpireStale(301_001, 300_000));
    }

    [Fact]
    public void RemoveDevice_RemovesOnlyThatDevice()
    {
        var store = new SeriesStore();
        var other = new DeviceIdentity("pdu-a01-b", "pdu");
        store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Empty, 1, 1));
        store.Write(new Sample(MetricCatalog.PduPower, other, LabelSet.Empty, 2, 1));
        Assert.Equal(1, store.RemoveDevice("pdu-a01-a"));
        var left = Assert.Single(store.Snapshot(MetricCatalog.PduPower));
        Assert.Equal("pdu-a01-b", left.Device!.Device);
    }

    [Fact]
    public void States_StateSet_OneSeriesPerStateCurrentIsOne()
    {
        var store = new SeriesStore();
        foreach (var s in Sample.States(MetricCatalog.UpsOutputSource, Pdu, LabelSet.Empty, "battery", 1))
        {
            store.Write(s);
        }

        var series = store.Snapshot(MetricCatalog.UpsOutputSource);
        Assert.Equal(4, series.Count);
        Assert.Equal(1, series.Single(s => s.Labels["state"] == "battery").Value);
        Assert.Equal(0, series.Where(s => s.Labels["state"] != "battery").Sum(s => s.Value));
    }

    [Fact]
    public void GlobalFamily_HasNoIdentityLabels()
    {
        var store = new SeriesStore();
        store.Write(new Sample(MetricCatalog.SitePue, null, LabelSet.Of(("site", "dc1")), 1.25, 1));
        Assert.Contains("dcim_site_pue_ratio{site=\"dc1\"} 1.25\n", store.ToExpositionText());
    }
}
