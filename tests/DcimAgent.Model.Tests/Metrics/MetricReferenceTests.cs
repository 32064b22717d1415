using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Metrics;

/// <summary>docs/metrics.md is the catalogue, written out: the two never drift.</summary>
public class MetricReferenceTests
{
    [Fact]
    public void DocsMetricsMd_EqualsTheGeneratedReference()
    {
        var path = RepoPaths.RepoFile("docs", "metrics.md");
        var generated = MetricReference.Markdown();
        if (Environment.GetEnvironmentVariable("DCIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.ReadAllText(path) == generated,
            "docs/metrics.md differs from MetricCatalog: regenerate it with `dotnet run --project src/DcimAgent -- metrics --markdown > docs/metrics.md`");
    }

    [Fact]
    public void Reference_HasOneRowPerFamily_WithTypeUnitAndLabels()
    {
        var md = MetricReference.Markdown();
        var rows = md.Split('\n').Where(l => l.StartsWith("| `dcim_", StringComparison.Ordinal)).ToList();
        Assert.Equal(MetricCatalog.All.Count, rows.Count);
        Assert.Contains("| `dcim_pdu_energy_joules_total` | counter | joules | device |  | Total active energy |", rows);
        Assert.Contains(rows, r => r.StartsWith("| `dcim_ups_output_source` | stateset | - | device | `state` |", StringComparison.Ordinal)
            && r.Contains("`battery`", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `dcim_pdu_outlet_power_watts` | gauge | watts | device | `outlet`, `outlet_name` |", StringComparison.Ordinal));
    }
}
