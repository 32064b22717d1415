using System.Diagnostics;

namespace DcimAgent.Snmp.Tests.Support;

/// <summary>Runs net-snmp tools and the project's peer scripts; fails (never skips) when they are missing.</summary>
internal static class PeerTools
{
    public const string InstallHint = "install the peers: tests/peers/install.sh (apt-get install snmpd snmp snmptrapd)";

    /// <summary>The repository's tests/peers (the folder above the one holding DcimAgent.sln's tests).</summary>
    public static string PeerScripts
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DcimAgent.sln")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new InvalidOperationException("DcimAgent.sln not found above " + AppContext.BaseDirectory)
                : Path.Combine(dir.FullName, "tests", "peers");
        }
    }

    public static void Require(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/usr/sbin")
            .Split(':').Append("/usr/sbin").Any(p => File.Exists(Path.Combine(p, tool)));
        Assert.True(found, $"'{tool}' is missing: {InstallHint}");
    }

    public static (int Rc, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
