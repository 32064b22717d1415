using System.Diagnostics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Repository;

/// <summary>The repository stands alone: nothing tracked reaches outside it, and the fixtures it ships are whole.</summary>
public class StandAloneTests
{
    [Fact]
    public void NoTrackedFile_RefersToAFolderBesideTheRepository()
    {
        var offenders = new List<string>();
        foreach (var file in TrackedFiles())
        {
            var path = Path.Combine(RepoPaths.Root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 4 * 1024 * 1024)
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("../" + "shared", StringComparison.Ordinal))
                {
                    offenders.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "files refer outside the repository:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Fixtures_MatchTheirRecordedChecksums()
    {
        var sums = RepoPaths.Fixture("SHA256SUMS");
        var checkedFiles = 0;
        foreach (var line in File.ReadAllLines(sums).Where(l => l.Length > 66))
        {
            var expected = line[..64];
            var rel = line[66..];
            var path = Path.Combine(RepoPaths.Fixtures, rel);
            Assert.True(File.Exists(path), $"tests/fixtures/SHA256SUMS names {rel}, which is missing");
            using var stream = File.OpenRead(path);
            Assert.Equal(expected, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)));
            checkedFiles++;
        }

        Assert.True(checkedFiles > 100, $"expected every copied fixture in SHA256SUMS, found {checkedFiles}");
    }

    [Fact]
    public void EveryFixtureSource_HasItsProvenance()
    {
        foreach (var dir in new[] { "snmprec", "mibs", "ascend", "accelerators", "mqtt", "redfish", "snmp_exporter", "snmpsim", "promtool", "spec" })
        {
            Assert.True(File.Exists(RepoPaths.Fixture(dir, "PROVENANCE.md")), $"tests/fixtures/{dir}/PROVENANCE.md is missing");
        }
    }

    private static IEnumerable<string> TrackedFiles()
    {
        var psi = new ProcessStartInfo("git", ["-C", RepoPaths.Root, "ls-files", "-z"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(psi)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: " + git.StandardError.ReadToEnd());
        var files = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(files.Length > 100, $"expected the tracked files, got {files.Length}");
        return files;
    }
}
