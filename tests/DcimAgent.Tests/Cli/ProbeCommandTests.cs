using DcimAgent.Cli;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Cli;

public sealed class ProbeCommandTests
{
    private static string Recording(string name) => RepoPaths.Fixture("snmprec", name + ".snmprec");

    private static string Profiles => RepoPaths.RepoFile("config", "profiles");

    [Fact]
    public async Task Probe_Recording_PrintsDeviceFamiliesAndExitsZero()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await SnmpProbe.RunAsync(["--snmprec", Recording("apc_ap8959eu3"), "--device", "pdu-r12", "--profiles", Profiles], stdout, stderr, null, CancellationToken.None);

        Assert.Equal(0, rc);
        var text = stdout.ToString();
        Assert.Contains("dcim_pdu_power_watts{device=\"pdu-r12\",device_class=\"pdu\"} 270\n", text, StringComparison.Ordinal);
        Assert.Contains("dcim_device_up{device=\"pdu-r12\",device_class=\"pdu\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("profile=\"apc-rpdu2\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dcim_agent_", text, StringComparison.Ordinal);
        Assert.Contains("profile apc-rpdu2", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_RecordingThatMatchesNoProfile_ExitsOneWithReason()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "unknown.snmprec");
        await File.WriteAllTextAsync(file, "1.3.6.1.2.1.1.1.0|4|toaster\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.424242\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await SnmpProbe.RunAsync(["--snmprec", file, "--profiles", Profiles], stdout, stderr, null, CancellationToken.None);

        Assert.Equal(1, rc);
        Assert.Contains("no profile matches sysObjectID 1.3.6.1.4.1.424242", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("dcim_device_up{device=\"unknown\",device_class=\"unknown\"} 0", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_NothingListening_ExitsOneWithTimeoutAndNoSecret()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await SnmpProbe.RunAsync(["--target", "127.0.0.1:17199", "-c", "secret-community", "-t", "0.2", "-r", "0", "--device", "gone", "--profiles", Profiles], stdout, stderr, CancellationToken.None);

        Assert.Equal(1, rc);
        Assert.Contains("gone: no answer: timeout", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("dcim_poll_errors_total{device=\"gone\",device_class=\"unknown\",reason=\"timeout\"} 1", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-community", stdout.ToString() + stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile", "no-such-profile")]
    [InlineData("--bogus", "x")]
    public async Task Probe_BadArguments_ExitTwo(string option, string value)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await SnmpProbe.RunAsync(["--snmprec", Recording("apc_ap8959eu3"), option, value, "--profiles", Profiles], stdout, stderr, null, CancellationToken.None);

        Assert.Equal(2, rc);
        Assert.NotEmpty(stderr.ToString());
    }

    [Fact]
    public async Task ProfilesList_ShowsShippedProfilesWithClassAndPrefixes()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await ProfilesCommand.RunAsync(["list", "--profiles", Profiles], stdout, stderr, null, CancellationToken.None);

        Assert.Equal(0, rc);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("raritan-pdu2 ", StringComparison.Ordinal) && l.Contains("pdu", StringComparison.Ordinal) && l.EndsWith("1.3.6.1.4.1.13742.6", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ups-mib ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("generex_cs141-ups", "ups-mib")]
    [InlineData("huawei_ups2000", "huawei-ups")]
    [InlineData("apc_inrow-dx", "apc-cooling-unit")]
    [InlineData("apc_inrow-acrc", "apc-inrow-rc")]
    public async Task ProfilesMatch_Recording_PrintsDetectedProfile(string recording, string profile)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await ProfilesCommand.RunAsync(["match", "--snmprec", Recording(recording), "--profiles", Profiles], stdout, stderr, null, CancellationToken.None);

        Assert.Equal(0, rc);
        Assert.StartsWith(profile + " (", stdout.ToString(), StringComparison.Ordinal);
    }
}
