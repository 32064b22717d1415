using System.Text.RegularExpressions;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Metrics;

public class MetricCatalogTests
{
    [Fact]
    public void Catalog_HasEveryFamilyOfTheSpec()
    {
        var spec = File.ReadAllText(RepoPaths.Fixture("spec", "metrics.md"));
        var names = Regex.Matches(spec, @"`(dcim_[a-z0-9_]+)(?:\{[^`]*\})?`")
            .Select(m => m.Groups[1].Value)
            .Where(n => !n.EndsWith('_')) // prose fragments such as `dcim_`
            .Distinct()
            .ToList();

        Assert.True(names.Count >= 60, $"expected the spec's families, found {names.Count}");
        var missing = names.Where(n => !MetricCatalog.TryGet(n, out _)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Catalog_CounterNamesEndInTotal_GaugesDoNot()
    {
        foreach (var f in MetricCatalog.All)
        {
            Assert.Equal(f.Type == MetricType.Counter, f.Name.EndsWith("_total", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Catalog_StateSets_HaveStateLabelAndStates()
    {
        var ups = MetricCatalog.Get("dcim_ups_output_source");
        Assert.Equal(MetricType.StateSet, ups.Type);
        Assert.Equal(["normal", "battery", "bypass", "other"], ups.States);
        Assert.True(ups.AllowsLabel("state"));
        Assert.Equal(["ok", "warning", "critical"], MetricCatalog.AcceleratorHealth.States);
    }

    [Fact]
    public void Get_Unknown_ThrowsNamingIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => MetricCatalog.Get("dcim_pdu_watts"));
        Assert.Contains("dcim_pdu_watts", ex.Message);
    }
}
