using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Facility;

/// <summary>The shipped facility recording rules, checked and unit-tested by the real promtool.</summary>
[Trait("Category", "Integration")]
public sealed class FacilityRulesTests
{
    [Fact]
    public async Task PromtoolTestRules_FacilityRules_Pass()
    {
        var promtool = QueryOnlyPrometheus.Require("promtool");

        var check = await ProcessRunner.RunAsync(promtool, ["check", "rules", RepoPaths.RepoFile("config", "alerts", "facility.rules.yml")]);
        var test = await ProcessRunner.RunAsync(promtool, ["test", "rules", RepoPaths.RepoFile("config", "alerts", "tests", "facility.test.yml")], TimeSpan.FromSeconds(180));

        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("SUCCESS: 6 rules found", check.All);
        Assert.True(test.ExitCode == 0, test.All);
        Assert.Contains("SUCCESS", test.All);
    }
}
