using System.Diagnostics;
using DcimAgent.Cli;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Polling;

/// <summary>
/// Acceptance 1 against a real peer: snmpsimd serves every shared recording (community = file name) and
/// <c>dcim-agent probe --profile auto</c> over UDP must pick the right profile and export exactly what the
/// golden testcase (the same recording mapped in memory) expects, ground-truth values included.
/// </summary>
[Trait("Category", "Integration")]
[Collection(TimingCollection.Name)]
public sealed class SnmpsimAcceptanceTests : IAsyncLifetime
{
    private const int Port = 17161;

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(RepoPaths.RepoFile("tests", "DcimAgent.Model.Tests", "testcases")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public async Task InitializeAsync()
    {
        var start = await Tool("snmpsim-start.sh", RepoPaths.Fixture("snmprec"), Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(start.Rc == 0, "snmpsimd missing or failed? run tests/peers/install.sh: " + start.Output);
    }

    public async Task DisposeAsync() => await Tool("snmpsim-stop.sh", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ProbeAuto_RecordingServedBySnmpsim_RightProfileAndGoldenSeries(string name)
    {
        var caseDir = RepoPaths.RepoFile("tests", "DcimAgent.Model.Tests", "testcases", name);
        var expectedProfile = File.ReadAllLines(Path.Combine(caseDir, "case.txt")).Single(l => l.StartsWith("profile:", StringComparison.Ordinal))[8..].Trim();
        var expected = File.ReadAllLines(Path.Combine(caseDir, "expected.prom")).Where(l => l.Length > 0 && l[0] != '#').ToList();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var rc = await ProbeCommand.RunAsync(
            ["--target", $"127.0.0.1:{Port}", "-v", "2c", "-c", name, "-t", "3", "-r", "1", "--device", name, "--profile", "auto", "--profiles", RepoPaths.RepoFile("config", "profiles")],
            stdout, stderr, CancellationToken.None);

        Assert.True(rc == 0, $"{name}: rc {rc}: {stderr}");
        Assert.Contains($"profile {expectedProfile},", stderr.ToString(), StringComparison.Ordinal);
        var actual = stdout.ToString().Split('\n').ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(l => !actual.Contains(l)).ToList();
        Assert.True(missing.Count == 0, $"{name}: {missing.Count} expected series differ, first: {missing.FirstOrDefault()}");
    }

    private static async Task<(int Rc, string Output)> Tool(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.PeerScript(script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output);
    }
}
