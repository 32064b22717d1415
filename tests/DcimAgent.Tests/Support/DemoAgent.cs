using System.Globalization;
using System.Text.RegularExpressions;
using DcimAgent.Configuration;
using DcimAgent.Hosting;
using Microsoft.AspNetCore.Builder;

namespace DcimAgent.Tests.Support;

/// <summary>
/// The README's first command, in-process: config/demo.yaml as shipped, with only its ports moved into this
/// test area's range (SNMP devices 19240–19251, broker 19255, /metrics 19256), a temporary state_dir, and the
/// simulator's time knobs set by the test.
/// </summary>
public sealed partial class DemoAgent : IAsyncDisposable
{
    public const int SnmpBase = 19240;
    public const int MqttPort = 19255;
    public const int HttpPort = 19256;

    private readonly TempDir _dir;

    private DemoAgent(WebApplication app, TempDir dir, StringWriter log)
    {
        App = app;
        _dir = dir;
        Log = log;
    }

    public WebApplication App { get; }

    /// <summary>The agent's log so far (a failing test prints it).</summary>
    public StringWriter Log { get; }

    public static string MetricsUrl => $"http://127.0.0.1:{HttpPort}/metrics";

    /// <summary>The shipped demo.yaml text with ports, state dir and time knobs rewritten.</summary>
    public static string DemoYaml(string stateDir, double timeScale, string incidentAfter)
    {
        var yaml = File.ReadAllText(RepoPaths.RepoFile("config", "demo.yaml"));
        yaml = yaml.Replace("127.0.0.1:11683", $"127.0.0.1:{MqttPort}", StringComparison.Ordinal)
            .Replace("mqtt_port: 11683", $"mqtt_port: {MqttPort}", StringComparison.Ordinal)
            .Replace("snmp_base_port: 11600", $"snmp_base_port: {SnmpBase}", StringComparison.Ordinal)
            .Replace("127.0.0.1:9464", $"127.0.0.1:{HttpPort}", StringComparison.Ordinal)
            .Replace("/tmp/dcim-agent-demo", stateDir, StringComparison.Ordinal);
        yaml = SnmpPort().Replace(yaml, m => "127.0.0.1:" + (SnmpBase + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 11600).ToString(CultureInfo.InvariantCulture));
        yaml = TimeScale().Replace(yaml, "time_scale: " + timeScale.ToString(CultureInfo.InvariantCulture));
        return IncidentAfter().Replace(yaml, "incident_after: " + incidentAfter);
    }

    public static async Task<DemoAgent> StartAsync(double timeScale, string incidentAfter)
    {
        var dir = new TempDir();
        var yaml = DemoYaml(dir.Path, timeScale, incidentAfter);
        var cfg = ConfigLoader.Parse(yaml, "demo.yaml", _ => null, dir.Path);
        Assert.True(cfg.Errors.Count == 0, string.Join("\n", cfg.Errors));
        var log = new StringWriter();
        var app = AgentHost.Build(cfg.Config, logOutput: TextWriter.Synchronized(log));
        var demo = new DemoAgent(app, dir, log);
        await app.StartAsync();
        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _dir.Dispose();
    }

    [GeneratedRegex(@"127\.0\.0\.1:(116[0-9][0-9])")]
    private static partial Regex SnmpPort();

    [GeneratedRegex(@"time_scale: [0-9.]+")]
    private static partial Regex TimeScale();

    [GeneratedRegex(@"incident_after: [0-9a-z]+")]
    private static partial Regex IncidentAfter();
}
