using DcimAgent.Configuration;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent check-config [--config F] [--print]</c>: every problem with its location, exit 2; or a one-line
/// summary, exit 0. <c>--print</c> shows the effective config with every secret masked.
/// </summary>
public static class CheckConfigCommand
{
    private const string Help = """
        usage: dcim-agent check-config [--config FILE] [--print]

        Validates a config file: YAML syntax (file:line), unknown keys, bad values, references between
        sections, secrets (env and *_file). Prints each problem with its location and exits 2, or prints a
        one-line summary and exits 0.

          --config FILE  config file (default: $DCIM_AGENT_CONFIG, else /etc/dcim-agent/dcim-agent.yaml)
          --print        also print the effective config, secrets masked
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var a = CliArgs.Parse(args, ["--config"], ["--print"]);
        if (a.Help)
        {
            await stdout.WriteLineAsync(Help);
            return ExitCodes.Ok;
        }

        var path = ConfigLoader.ResolvePath(a.Get("--config"));
        var result = ConfigLoader.Load(path);
        if (!result.IsValid)
        {
            await ReportAsync(result, path, stderr);
            return ExitCodes.BadInput;
        }

        await stdout.WriteLineAsync(Summary(result.Config, path));
        if (a.Has("--print"))
        {
            await stdout.WriteAsync(ConfigPrinter.Print(result.Config));
        }

        return ExitCodes.Ok;
    }

    /// <summary>Prints every problem, one per line, and a count.</summary>
    public static async Task ReportAsync(ConfigLoadResult result, string path, TextWriter stderr)
    {
        foreach (var e in result.Errors)
        {
            await stderr.WriteLineAsync($"error: {e}");
        }

        await stderr.WriteLineAsync($"{result.Errors.Count} problem{(result.Errors.Count == 1 ? string.Empty : "s")} in {path}; config not valid");
    }

    public static string Summary(AgentConfig c, string path) =>
        $"config ok: {path}: site {c.Agent.Site}, {c.Snmp.Targets.Count} SNMP targets, {c.Snmp.Credentials.Count} credentials, " +
        $"{c.Mqtt.Brokers.Count} MQTT brokers, {c.Mqtt.Subscriptions.Count} subscriptions, {c.Facility.Racks.Count} racks, " +
        $"listen {c.Agent.Listen}";
}
