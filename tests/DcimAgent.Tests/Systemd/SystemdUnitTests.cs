using System.Globalization;
using System.Text.RegularExpressions;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Systemd;

/// <summary>The shipped unit passes systemd's own checks (Debian package `systemd` provides systemd-analyze).</summary>
public class SystemdUnitTests
{
    private static string Unit => RepoPaths.RepoFile("systemd", "dcim-agent.service");

    private static void RequireSystemdAnalyze()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Assert.Fail("systemd-analyze is missing: apt-get install -y systemd");
        }
    }

    [Fact]
    public async Task Security_Offline_ExposureAtMost2()
    {
        RequireSystemdAnalyze();
        var r = await ProcessRunner.RunAsync("systemd-analyze", ["security", "--offline=true", Unit]);
        var m = Regex.Match(r.All, @"Overall exposure level for dcim-agent\.service: (\d+\.\d+)");
        Assert.True(m.Success, r.All);
        var score = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(score <= 2.0, $"exposure {score} > 2.0");
    }

    [Fact]
    public async Task Verify_UnitWithRealBinary_NoComplaints()
    {
        RequireSystemdAnalyze();
        using var dir = new TempDir();

        // The unit points at /opt/dcim-agent/dcim-agent (the install location); verify a copy that points at the
        // program built beside the tests, so verify also checks that ExecStart is executable.
        var exe = Path.Combine(AppContext.BaseDirectory, "dcim-agent");
        Assert.True(File.Exists(exe), $"apphost missing: {exe}");
        var text = File.ReadAllText(Unit).Replace("/opt/dcim-agent/dcim-agent", exe, StringComparison.Ordinal);
        var copy = dir.File("dcim-agent.service", text);
        var r = await ProcessRunner.RunAsync("systemd-analyze", ["verify", copy]);
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal(string.Empty, r.All.Trim());
    }

    [Fact]
    public void Unit_DeclaresNotifyNonRootAndCapability()
    {
        var text = File.ReadAllText(Unit);
        Assert.Contains("Type=notify", text);
        Assert.Contains("DynamicUser=yes", text);
        Assert.Contains("AmbientCapabilities=CAP_NET_BIND_SERVICE", text);
        Assert.Contains("StateDirectory=dcim-agent", text);
        Assert.DoesNotContain("User=root", text);
    }
}
