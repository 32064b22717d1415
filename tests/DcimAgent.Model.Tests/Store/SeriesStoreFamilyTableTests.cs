using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Store;

/// <summary>The store finds a family's bucket by the family's ordinal in an array that grows as families appear.</summary>
public class SeriesStoreFamilyTableTests
{
    [Fact]
    public void Write_MoreFamiliesThanTheFirstTable_EveryFamilyKeepsItsOwnSeries()
    {
        var store = new SeriesStore();
        var device = new DeviceIdentity("pdu-1", "pdu", new Dictionary<string, string>());
        var families = Enumerable.Range(0, 300)
            .Select(i => new MetricFamily($"dcim_test_family_{i}_watts", MetricType.Gauge, "watts", "test family"))
            .ToList();

        for (var i = 0; i < families.Count; i++)
        {
            store.Write(new Sample(families[i], device, LabelSet.Empty, i, 1000));
        }

        for (var i = 0; i < families.Count; i++)
        {
            Assert.True(store.TryGet(families[i], device, LabelSet.Empty, out var v));
            Assert.Equal(i, v);
        }

        Assert.Equal(300, store.SeriesCount);
        Assert.Equal(300, store.Families().Count);
    }

    [Fact]
    public void Write_FromManyThreadsWhileTheTableGrows_NoWriteLost()
    {
        var store = new SeriesStore();
        var device = new DeviceIdentity("pdu-2", "pdu", new Dictionary<string, string>());
        var families = Enumerable.Range(0, 400)
            .Select(i => new MetricFamily($"dcim_test_grow_{i}_watts", MetricType.Gauge, "watts", "test family"))
            .ToArray();

        Parallel.For(0, 4, t =>
        {
            for (var i = t; i < families.Length; i += 4)
            {
                store.Write(new Sample(families[i], device, LabelSet.Empty, i + 0.5, 1000));
            }
        });

        Assert.Equal(400, store.SeriesCount);
        Assert.All(families, (f, i) =>
        {
            Assert.True(store.TryGet(f, device, LabelSet.Empty, out var v));
            Assert.Equal(i + 0.5, v);
        });
    }

    [Fact]
    public void Ordinal_DistinctForEveryFamily()
    {
        var a = new MetricFamily("dcim_test_a_watts", MetricType.Gauge, "watts", "a");
        var b = new MetricFamily("dcim_test_b_watts", MetricType.Gauge, "watts", "b");

        Assert.NotEqual(a.Ordinal, b.Ordinal);
        Assert.NotEqual(MetricCatalog.PduPower.Ordinal, MetricCatalog.PduEnergy.Ordinal);
    }

    [Fact]
    public void AllowsLabel_OnlyTheFamilysOwnLabels()
    {
        Assert.True(MetricCatalog.PduPhaseCurrent.AllowsLabel("phase"));
        Assert.False(MetricCatalog.PduPhaseCurrent.AllowsLabel("outlet"));
        Assert.False(MetricCatalog.PduPower.AllowsLabel("phase"));
    }
}
