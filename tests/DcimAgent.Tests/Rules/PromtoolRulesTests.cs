using System.Text.RegularExpressions;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Rules;

/// <summary>
/// The alert pack of config/alerts: promtool checks and unit-tests it (Integration, real promtool), and the
/// pack's own rules are checked from the YAML: every alert is fired and kept quiet by a test case, every
/// metric it reads exists, every alert carries severity, team, summary, description and a runbook anchor.
/// </summary>
public class PromtoolRulesTests
{
    private static readonly HashSet<string> Severities = ["critical", "warning", "info"];

    private static readonly HashSet<string> Teams = ["power", "cooling", "compute", "facilities", "monitoring"];

    // Alerts about a whole site or the agent itself have no device or rack to name; they name the site,
    // role, broker or scrape instance instead.
    private static readonly HashSet<string> NotPerDevice =
        ["SitePowerLoss", "SitePueAboveTarget", "SiteMeterCoverageIncomplete", "MqttDisconnected", "AgentScrapeFailing"];

    // Families the alert pack reads that another branch adds to MetricCatalog (documented in its docs/metrics.md).
    // Accepted only while the catalogue lacks them; delete an entry once that branch is merged.
    // An ECC error is an event, not a level: the increase window debounces it, a `for` would only delay it.
    private static readonly HashSet<string> EventAlerts = ["AcceleratorEccUncorrected"];

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PromtoolCheckRules_EveryRuleFile_Succeeds()
    {
        var promtool = PeerTools.Require("promtool");
        var files = RuleFiles.RuleFilePaths;
        Assert.Equal(["accelerators.yml", "agent.yml", "cooling.yml", "facility-alerts.yml", "power.yml"],
            files.Select(Path.GetFileName).Where(f => f != "facility.rules.yml"));

        var result = await ProcessRunner.RunAsync(promtool, ["check", "rules", .. files]);

        Assert.True(result.ExitCode == 0, result.All);
        var found = Regex.Matches(result.All, @"SUCCESS: (\d+) rules found").Sum(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(RuleFiles.AllExpressions().Count, found);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PromtoolTestRules_EveryTestFile_Passes()
    {
        var promtool = PeerTools.Require("promtool");
        var files = RuleFiles.TestFilePaths;
        Assert.Equal(6, files.Count); // power, cooling, accelerators, agent, facility alerts, facility recording rules

        // promtool resolves rule_files relative to the working directory.
        var result = await ProcessRunner.RunAsync(promtool, ["test", "rules", .. files.Select(Path.GetFileName)!],
            TimeSpan.FromSeconds(120), workingDir: RuleFiles.TestsDir);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(files.Count, Regex.Count(result.All, @"^\s+SUCCESS\s*$", RegexOptions.Multiline));
        Assert.DoesNotContain("FAILED", result.All, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PromtoolCheckRules_BrokenRuleFile_FailsNamingTheProblem()
    {
        // Proves the check above can fail: a rule reading a misspelt function is rejected with its name.
        var promtool = PeerTools.Require("promtool");
        using var dir = new TempDir();
        var bad = dir.File("bad.yml", "groups:\n  - name: bad\n    rules:\n      - alert: Bad\n        expr: rat(dcim_poll_errors_total[5m]) > 1\n");

        var result = await ProcessRunner.RunAsync(promtool, ["check", "rules", bad]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown function with name \"rat\"", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAlertRule_HasATestCaseThatFiresItAtItsSeverity()
    {
        var cases = RuleFiles.TestCases();
        var missing = RuleFiles.AlertRules()
            .Where(r => !cases.Any(c => c.AlertName == r.Alert &&
                c.ExpectedLabels.Any(l => l.GetValueOrDefault("severity") == r.Severity)))
            .Select(r => $"{r.Alert} ({r.Severity}) in {r.File}")
            .ToList();

        Assert.Empty(missing);
        Assert.Equal(31, RuleFiles.AlertRules().Select(r => r.Alert).Distinct().Count());
    }

    [Fact]
    public void EveryAlert_HasAQuietTestCase()
    {
        var cases = RuleFiles.TestCases();
        var missing = RuleFiles.AlertRules().Select(r => r.Alert).Distinct()
            .Where(a => !cases.Any(c => c.AlertName == a && c.ExpectedLabels.Count == 0))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryTestCase_NamesAnAlertOfThePack()
    {
        var alerts = RuleFiles.AlertRules().Select(r => r.Alert).ToHashSet();
        Assert.All(RuleFiles.TestCases(), c => Assert.Contains(c.AlertName, alerts));
    }

    [Fact]
    public void EveryMetricName_InRuleExpressions_IsACatalogFamilyOrARecordingRuleOrUp()
    {
        var recorded = RuleFiles.RecordedNames();
        var unknown = RuleFiles.AllExpressions()
            .SelectMany(PromQlNames.MetricNames)
            .Where(n => !MetricCatalog.TryGet(n, out _) && !recorded.Contains(n) && n != "up")
            .Distinct()
            .ToList();

        Assert.Empty(unknown);
        Assert.Contains("device:dcim_accelerator_boards:count", recorded);
        Assert.Contains("dcim:pue_target:ratio", recorded);
    }

    [Fact]
    public void EveryAlertRule_CarriesSeverityTeamAndAnnotationsNamingDeviceAndRack()
    {
        foreach (var r in RuleFiles.AlertRules())
        {
            Assert.True(Severities.Contains(r.Severity), $"{r.Alert}: severity '{r.Severity}'");
            Assert.True(Teams.Contains(r.Labels.GetValueOrDefault("team", "")), $"{r.Alert}: team '{r.Labels.GetValueOrDefault("team")}'");
            Assert.False(string.IsNullOrWhiteSpace(r.Annotations.GetValueOrDefault("summary")), $"{r.Alert}: summary");
            Assert.False(string.IsNullOrWhiteSpace(r.Annotations.GetValueOrDefault("description")), $"{r.Alert}: description");
            if (!NotPerDevice.Contains(r.Alert))
            {
                foreach (var key in new[] { "summary", "description" })
                {
                    Assert.Contains("{{ $labels.device }}", r.Annotations[key], StringComparison.Ordinal);
                    Assert.Contains("{{ $labels.rack }}", r.Annotations[key], StringComparison.Ordinal);
                }
            }

            Assert.True(EventAlerts.Contains(r.Alert) || r.For is not null, $"{r.Alert}: no `for:` against flapping");
        }
    }

    [Fact]
    public void EveryRunbookUrl_PointsAtAHeadingOfDocsRunbooks()
    {
        var runbooks = File.ReadAllText(RepoPaths.RepoFile("docs", "runbooks.md"));
        var headings = Regex.Matches(runbooks, @"^### (\S+)\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        foreach (var r in RuleFiles.AlertRules())
        {
            Assert.Equal("docs/runbooks.md#" + r.Alert.ToLowerInvariant(), r.Annotations.GetValueOrDefault("runbook_url"));
            Assert.Contains(r.Alert, headings);
        }

        // No runbook for an alert that does not exist.
        Assert.Equal(RuleFiles.AlertRules().Select(r => r.Alert).ToHashSet(), headings);
    }
}
