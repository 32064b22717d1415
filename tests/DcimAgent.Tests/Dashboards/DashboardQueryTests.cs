using DcimAgent.Model.Tests.Support;
using DcimAgent.Tests.Rules;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Dashboards;

/// <summary>
/// Every query of grafana/dashboards (template variables substituted: selections match all, intervals 5m) runs
/// against a real Prometheus and must parse and return data; the same Prometheus loads config/alerts/*.yml and
/// every rule must evaluate with health "ok".
/// The scrape target is a listener serving series of every catalogue family (<see cref="CatalogExposition"/>).
/// Set DCIM_DASHBOARD_TARGET=host:port to scrape a running agent instead (fed by snmpsim recordings and MQTT
/// payloads) once the collectors are in: the same assertions then prove the dashboards against real data.
/// </summary>
[Trait("Category", "Integration")]
public class DashboardQueryTests
{
    // Ports of this test area (alerts and dashboards): 19100-19199.
    private const int FirstPort = 19100;
    private const int LastPort = 19199;

    [Fact]
    public async Task EveryDashboardQuery_ParsesAndReturnsData_AndEveryRuleEvaluatesOk()
    {
        var target = Environment.GetEnvironmentVariable("DCIM_DASHBOARD_TARGET");
        using var server = string.IsNullOrEmpty(target)
            ? new ExpositionServer(PortRange.FreeTcp(FirstPort, LastPort), new CatalogExposition(DateTimeOffset.UtcNow))
            : null;
        target ??= $"127.0.0.1:{server!.Port}";

        using var prometheus = new PrometheusPeer(PortRange.FreeTcp(FirstPort, LastPort), target, RuleFiles.RuleFilePaths);
        await prometheus.WaitReadyAsync(TimeSpan.FromSeconds(30));

        // Three scrapes give counters two increments; the ECC counter growing fires AcceleratorEccUncorrected
        // (no `for`), so ALERTS{alertstate="firing"} has data for the NOC panel.
        await WaitUntilAsync(prometheus, "count_over_time(up{job=\"dcim-agent\"}[1m]) >= 3 and up{job=\"dcim-agent\"} == 1", TimeSpan.FromSeconds(30));
        await WaitUntilAsync(prometheus, "ALERTS{alertstate=\"firing\"}", TimeSpan.FromSeconds(30));

        var queries = DashboardQueries.All(RepoPaths.Root);
        var failures = new List<string>();
        foreach (var q in queries)
        {
            var promql = DashboardQueries.Runnable(q);
            var (error, results) = await prometheus.QueryAsync(promql);
            if (error is not null || results == 0)
            {
                failures.Add($"{q.Dashboard} {q.Where}: {error ?? "no data"}\n    {promql}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count} queries failed:\n" + string.Join("\n", failures));
        Assert.Equal(101, queries.Count);

        var expectedRules = RuleFiles.AllExpressions().Count;
        var rules = await WaitForRulesAsync(prometheus, expectedRules, TimeSpan.FromSeconds(20));
        Assert.Equal(expectedRules, rules.Count);
        var unhealthy = rules.Where(r => r.Health != "ok").Select(r => $"{r.Group}/{r.Name}: {r.Health} {r.Error}").ToList();
        Assert.Empty(unhealthy);
    }

    private static async Task WaitUntilAsync(PrometheusPeer prometheus, string promql, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var (error, results) = await prometheus.QueryAsync(promql);
            if (error is null && results > 0)
            {
                return;
            }

            last = error;
            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException($"'{promql}' returned nothing within {timeout} ({last}); prometheus log: {prometheus.Log}");
    }

    private static async Task<IReadOnlyList<(string Group, string Name, string Health, string Error)>> WaitForRulesAsync(
        PrometheusPeer prometheus, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rules = await prometheus.RulesAsync();
            // "unknown" only means not evaluated yet; wait for a verdict on each.
            if ((rules.Count == expected && rules.All(r => r.Health != "unknown")) || DateTime.UtcNow > deadline)
            {
                return rules;
            }

            await Task.Delay(500);
        }
    }
}
