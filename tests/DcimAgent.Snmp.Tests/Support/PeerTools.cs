using System.Diagnostics;

namespace DcimAgent.Snmp.Tests.Support;

/// <summary>Runs net-snmp tools and the shared peer scripts; fails (never skips) when they are missing.</summary>
internal static class PeerTools
{
    public const string InstallHint = "install the peers: ../shared/tools/peers-install.sh (apt-get install snmpd snmp snmptrapd)";

    public static string SharedTools
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "tools");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                candidate = Path.Combine(dir.FullName, "..", "shared", "tools");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "DcimAgent.sln")))
                {
                    return Path.GetFullPath(candidate);
                }

                dir = dir.Parent;
            }

            return "/work/shared/tools";
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
