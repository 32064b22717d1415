using System.Text.Json;
using System.Text.RegularExpressions;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Dashboards;

/// <summary>
/// grafana/dashboards/*.json read as files: every query names only catalogue families (spec/metrics.md),
/// recording rules of config/alerts or Prometheus' own ALERTS; the datasource is always the variable.
/// </summary>
public class DashboardCatalogTests
{
    private static string Root => RepoPaths.Root;

    [Fact]
    public void Dashboards_AreTheFiveOfTheIssue_WithUniqueUids()
    {
        var uids = DashboardQueries.Files(Root)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("uid").GetString())
            .ToList();

        Assert.Equal(["dcim-accelerators", "dcim-cooling", "dcim-energy-audit", "dcim-noc-overview", "dcim-power"], uids.Order());
    }

    [Fact]
    public void EveryQuery_UsesOnlyCatalogFamiliesRecordingRulesOrAlerts()
    {
        var recorded = RecordedNames();
        var queries = DashboardQueries.All(Root);
        var unknown = queries
            .SelectMany(q => PromQlNames.MetricNames(DashboardQueries.Runnable(q)).Select(n => (q, n)))
            .Where(x => !MetricCatalog.TryGet(x.n, out _) && !recorded.Contains(x.n) && x.n != "ALERTS")
            .Select(x => $"{x.q.Dashboard} {x.q.Where}: {x.n}")
            .ToList();

        Assert.Empty(unknown);
        Assert.Equal(101, queries.Count); // 87 panel targets + 14 variables: a dashboard edit that drops queries shows here
    }

    [Fact]
    public void Dashboards_TogetherCoverEveryDeviceFamilyOfTheCatalog()
    {
        var used = DashboardQueries.All(Root).SelectMany(q => PromQlNames.MetricNames(DashboardQueries.Runnable(q))).ToHashSet();
        // Agent-internal families are shown by the agent's own health, not on NOC dashboards.
        var internalOnly = new HashSet<string>
        {
            "dcim_device_info", "dcim_device_last_success_timestamp_seconds", "dcim_poll_duration_seconds",
            "dcim_poll_errors_total", "dcim_snmp_traps_received_total", "dcim_mqtt_messages_total", "dcim_mqtt_connected",
        };

        var missing = MetricCatalog.All.Select(f => f.Name).Where(n => !used.Contains(n) && !internalOnly.Contains(n)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryPanelAndVariable_UsesTheDatasourceVariable()
    {
        foreach (var file in DashboardQueries.Files(Root))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var vars = doc.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();
            var ds = Assert.Single(vars, v => v.GetProperty("type").GetString() == "datasource");
            Assert.Equal("datasource", ds.GetProperty("name").GetString());
            Assert.Equal("prometheus", ds.GetProperty("query").GetString());

            foreach (var p in DashboardQueries.Panels(doc.RootElement).Where(p => p.GetProperty("type").GetString() != "row"))
            {
                Assert.Equal("${datasource}", p.GetProperty("datasource").GetProperty("uid").GetString());
                foreach (var t in p.GetProperty("targets").EnumerateArray())
                {
                    Assert.Equal("${datasource}", t.GetProperty("datasource").GetProperty("uid").GetString());
                }
            }

            foreach (var v in vars.Where(v => v.GetProperty("type").GetString() == "query"))
            {
                Assert.Equal("${datasource}", v.GetProperty("datasource").GetProperty("uid").GetString());
            }
        }
    }

    [Fact]
    public void NoQuery_HardCodesAnInstanceJobOrAddress()
    {
        var hardCoded = new Regex(@"\b(instance|job)\s*=|localhost|\d+\.\d+\.\d+\.\d+:\d+", RegexOptions.CultureInvariant);
        var offenders = DashboardQueries.All(Root).Where(q => hardCoded.IsMatch(q.Expr)).Select(q => $"{q.Dashboard} {q.Where}").ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void VariablesInSelectors_AreRegexMatches()
    {
        // `site="$site"` would break with multi-value and "All" (.*) selections.
        var equalsVar = new Regex(@"[a-z_]+\s*(=|!=)\s*""\$", RegexOptions.CultureInvariant);
        var offenders = DashboardQueries.All(Root).Where(q => equalsVar.IsMatch(q.Expr)).Select(q => $"{q.Dashboard} {q.Where}").ToList();

        Assert.Empty(offenders);
    }

    private static HashSet<string> RecordedNames() =>
        Directory.GetFiles(Path.Combine(Root, "config", "alerts"), "*.yml")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^\s*-\s*record:\s*(\S+)", RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
}
