using DcimAgent.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DcimAgent.Tests.Rules;

/// <summary>config/alertmanager.example.yml against the real amtool: it loads, routes by severity and team, and inhibits.</summary>
public class AlertmanagerConfigTests
{
    private static string ConfigPath => RepoPaths.RepoFile("config", "alertmanager.example.yml");

    [Fact]
    [Trait("Category", "Integration")]
    public async Task AmtoolCheckConfig_Example_Succeeds()
    {
        var amtool = PeerTools.Require("amtool");

        var result = await ProcessRunner.RunAsync(amtool, ["check-config", ConfigPath]);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("SUCCESS", result.All, StringComparison.Ordinal);
        Assert.Contains(" - 4 inhibit rules", result.All, StringComparison.Ordinal);
        Assert.Contains(" - 11 receivers", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Category", "Integration")]
    [InlineData("power-pager", "alertname=PduPhaseCurrentHigh", "severity=critical", "team=power")]
    [InlineData("power-ticket", "alertname=PduPhaseCurrentHigh", "severity=warning", "team=power")]
    [InlineData("cooling-pager", "alertname=CoolingUnitFault", "severity=critical", "team=cooling")]
    [InlineData("compute-ticket", "alertname=AcceleratorMetricsAbsent", "severity=warning", "team=compute")]
    [InlineData("info-digest", "alertname=AcceleratorPowerCapThrottling", "severity=info", "team=compute")]
    [InlineData("facilities-ticket", "alertname=SitePueAboveTarget", "severity=warning", "team=facilities")]
    [InlineData("monitoring-pager", "alertname=DeviceDown", "severity=critical", "team=monitoring")]
    [InlineData("site-emergency", "alertname=SitePowerLoss", "severity=critical", "team=power")]
    public async Task AmtoolRoutesTest_AlertLabels_ReachTheTeamReceiver(string receiver, params string[] labels)
    {
        var amtool = PeerTools.Require("amtool");

        var result = await ProcessRunner.RunAsync(amtool, ["config", "routes", "test", "--config.file=" + ConfigPath, .. labels]);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(receiver, result.Stdout.Trim());
    }

    [Fact]
    public void InhibitRules_DeviceDownAndSitePowerLoss_InhibitTheRightScope()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(ConfigPath))
        {
            stream.Load(reader);
        }

        var rules = ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["inhibit_rules"]).Children
            .Cast<YamlMappingNode>()
            .Select(r => (
                Source: string.Join(",", ((YamlSequenceNode)r["source_matchers"]).Children.Select(n => n.ToString())),
                Target: string.Join(",", ((YamlSequenceNode)r["target_matchers"]).Children.Select(n => n.ToString())),
                Equal: string.Join(",", ((YamlSequenceNode)r["equal"]).Children.Select(n => n.ToString()))))
            .ToList();

        Assert.Contains(("alertname=\"DeviceDown\"", "alertname!=\"DeviceDown\"", "site,device"), rules);
        Assert.Contains(("alertname=\"SitePowerLoss\"", "device=~\".+\",alertname!~\"UpsLowRuntime|UpsLowCharge\"", "site"), rules);
    }
}
