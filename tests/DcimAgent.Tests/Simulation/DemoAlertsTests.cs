using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Simulation;

/// <summary>
/// Acceptance 2 of issue 9: a real prometheus scraping the demo, with the shipped rules from config/alerts,
/// fires the incident's alerts within what their <c>for:</c> allows. The demo runs 20× faster than real time,
/// so every <c>for:</c> in the copied rules is divided by 20; nothing else in the rules changes.
/// </summary>
[Trait("Category", "Integration")]
[Collection("demo-agent")]
public partial class DemoAlertsTests
{
    private const double TimeScale = 20;
    private const int PrometheusPort = 19257;

    /// <summary>Alerts the chiller trip must raise, with the device they name.</summary>
    private static readonly (string Alert, string Device)[] Expected =
    [
        ("CoolingUnitFault", "chiller-1"),
        ("AcceleratorThermalThrottling", "gpu-a01"),
        ("CoolingSupplyTemperatureHigh", "inrow-a1"),
    ];

    public static string ScaleFor(string rules, double scale) =>
        ForDuration().Replace(rules, m =>
        {
            var n = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var seconds = n * (m.Groups[3].Value switch { "s" => 1, "m" => 60, "h" => 3600, _ => 86400 }) / scale;
            return $"{m.Groups[1].Value}{Math.Max(1, Math.Round(seconds)).ToString(CultureInfo.InvariantCulture)}s";
        });

    [Fact]
    public void ScaleFor_DividesEveryForDuration()
    {
        Assert.Equal("  for: 3s\n  for: 30s\n  for: 1s\n", ScaleFor("  for: 1m\n  for: 10m\n  for: 5s\n", 20));
    }

    [Fact]
    public async Task ChillerTrip_PrometheusWithShippedRules_FiresTheIncidentAlerts()
    {
        var prometheus = PeerTools.Require("prometheus");
        using var dir = new TempDir();
        var rules = Directory.GetFiles(RepoPaths.RepoFile("config", "alerts"), "*.yml");
        Assert.True(rules.Length > 0, "config/alerts has no rule files (the alert pack is on branch alerts)");
        foreach (var file in rules)
        {
            dir.File(Path.GetFileName(file), ScaleFor(File.ReadAllText(file), TimeScale));
        }

        var ruleList = string.Join(", ", rules.Select(r => "\"" + Path.Combine(dir.Path, Path.GetFileName(r)) + "\""));
        var config = dir.File("prometheus.yml", $$"""
            global: { scrape_interval: 1s, evaluation_interval: 1s }
            rule_files: [{{ruleList}}]
            scrape_configs:
              - job_name: dcim-demo
                static_configs: [{ targets: ["127.0.0.1:{{DemoAgent.HttpPort}}"] }]
            """);

        await using var demo = await DemoAgent.StartAsync(TimeScale, incidentAfter: "60s");
        using var prom = BackgroundProcess.Start(prometheus, [
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(dir.Path, "data"),
            $"--web.listen-address=127.0.0.1:{PrometheusPort}", "--log.level=warn"]);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var firing = new HashSet<string>();
        while (DateTime.UtcNow < deadline && !Expected.All(e => firing.Contains($"{e.Alert}/{e.Device}")))
        {
            await Task.Delay(1000);
            try
            {
                using var doc = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{PrometheusPort}/api/v1/alerts"));
                foreach (var a in doc.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray())
                {
                    if (a.GetProperty("state").GetString() == "firing")
                    {
                        var labels = a.GetProperty("labels");
                        firing.Add($"{labels.GetProperty("alertname").GetString()}/{(labels.TryGetProperty("device", out var d) ? d.GetString() : "-")}");
                    }
                }
            }
            catch (HttpRequestException)
            {
                // prometheus still starting
            }
        }

        var missing = Expected.Where(e => !firing.Contains($"{e.Alert}/{e.Device}")).Select(e => $"{e.Alert}{{device={e.Device}}}").ToList();
        Assert.True(missing.Count == 0, $"not firing after 90 s: {string.Join(", ", missing)}; firing: {string.Join(", ", firing)}\n--- agent log ---\n{demo.Log}");
    }

    [GeneratedRegex(@"(\bfor:\s*)([0-9.]+)([smhd])\b")]
    private static partial Regex ForDuration();
}
