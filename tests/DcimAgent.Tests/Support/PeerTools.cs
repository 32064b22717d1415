namespace DcimAgent.Tests.Support;

/// <summary>
/// Finds the real peer programs integration tests run (promtool, amtool, prometheus). A missing one fails
/// the test with the command that installs it: integration tests never skip.
/// </summary>
public static class PeerTools
{
    public const string InstallHint = "install the real peers with tests/peers/install.sh " +
        "(Debian packages prometheus and prometheus-alertmanager)";

    public static string Require(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Xunit.Sdk.XunitException($"{program} not found on PATH: {InstallHint}");
    }
}
