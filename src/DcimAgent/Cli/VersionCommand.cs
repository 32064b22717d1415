using System.Reflection;

namespace DcimAgent.Cli;

/// <summary><c>dcim-agent version</c>.</summary>
public static class VersionCommand
{
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var a = CliArgs.Parse(args, [], []);
        if (a.Help)
        {
            await stdout.WriteLineAsync("usage: dcim-agent version\n\nPrints the agent version and runtime.");
            return ExitCodes.Ok;
        }

        await stdout.WriteLineAsync($"dcim-agent {Version} (.NET {Environment.Version})");
        return ExitCodes.Ok;
    }
}
