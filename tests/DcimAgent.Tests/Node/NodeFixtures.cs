using System.Diagnostics;

namespace DcimAgent.Tests.Node;

/// <summary>
/// Paths to tests/fixtures (found from the folder holding DcimAgent.sln), stand-in vendor tools that print real
/// captures, and the mosquitto peer for the integration tests.
/// </summary>
internal static class NodeFixtures
{
    public const int MosquittoPort = 18910;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static string H100(string file) => Path.Combine(Fixtures, "accelerators", "nvidia-h100", file);

    public static string Ascend(string file) => Path.Combine(Fixtures, "ascend", file);

    /// <summary>A temp folder with an executable shell script that plays a vendor tool (prints a real capture).</summary>
    public static string Tool(string name, string body)
    {
        var dir = Directory.CreateTempSubdirectory("dcim-node-tool-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("node-mode tool tests run on Linux, where the agent runs");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Starts (idempotently) the mosquitto peer; fails with the install command when it is missing.</summary>
    public static void StartMosquitto()
    {
        var script = Path.Combine(RepoRoot, "tests", "peers", "mosquitto-start.sh");
        Assert.True(File.Exists("/usr/sbin/mosquitto"), $"mosquitto is not installed: run {Path.Combine(RepoRoot, "tests", "peers", "install.sh")}");
        var psi = new ProcessStartInfo("bash", [script, MosquittoPort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"mosquitto-start.sh {MosquittoPort} failed: {output}");
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DcimAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no DcimAgent.sln above {AppContext.BaseDirectory}");
    }
}
