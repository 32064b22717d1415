using DcimAgent.Configuration;
using DcimAgent.Hosting;
using Microsoft.Extensions.Hosting;

namespace DcimAgent.Cli;

/// <summary><c>dcim-agent [run] [--config F]</c>: refuses a bad config exactly like check-config, else runs until SIGTERM.</summary>
public static class RunCommand
{
    private const string Help = """
        usage: dcim-agent [run] [--config FILE]

        Runs the agent: polls SNMP targets, subscribes to MQTT, receives traps, computes facility
        roll-ups, and serves /metrics, /healthz and /readyz on agent.listen. Stops cleanly on SIGTERM
        or Ctrl-C. A config with any problem is refused (exit 2) with the same messages as check-config.

          --config FILE  config file (default: $DCIM_AGENT_CONFIG, else /etc/dcim-agent/dcim-agent.yaml)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var a = CliArgs.Parse(args, ["--config"], []);
        if (a.Help)
        {
            await stdout.WriteLineAsync(Help);
            return ExitCodes.Ok;
        }

        if (a.Positionals.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{a.Positionals[0]}'");
        }

        var path = ConfigLoader.ResolvePath(a.Get("--config"));
        var result = ConfigLoader.Load(path);
        if (!result.IsValid)
        {
            await CheckConfigCommand.ReportAsync(result, path, stderr);
            return ExitCodes.BadInput;
        }

        await using var app = AgentHost.Build(result.Config, configPath: path);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Another process (often a second agent) holds the port: say which key to change, no stack trace.
            await stderr.WriteLineAsync($"{path}: agent.listen: {result.Config.Agent.Listen} is already in use by another process");
            return ExitCodes.Failed;
        }

        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Ok;
    }
}
