namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent [VERB] [options]</c>. The verb defaults to <c>run</c>. Every verb answers <c>--help</c>.
/// Verbs are a table so each capability adds its own line.
/// </summary>
public static class CommandLine
{
    private delegate Task<int> Handler(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct);

    private static readonly (string Verb, string Summary, Handler Run)[] Verbs =
    [
        ("run", "run the agent (default verb)", RunCommand.RunAsync),
        ("check-config", "validate a config file and print every problem with its location", CheckConfigCommand.RunAsync),
        ("version", "print the version", VersionCommand.RunAsync),
        ("snmp", "SNMP get|getnext|walk|bulkwalk with net-snmp's flags and output", SnmpCommand.RunAsync),
        ("energy-report", "kWh per rack/tenant/role/device and energy-based PUE from a Prometheus API", EnergyReportCommand.RunAsync),
        ("node", "node mode on a GPU/NPU host: read the boards, serve /metrics and/or publish dcim-json", NodeCommand.RunAsync),
        ("probe", "print the metrics one device or one captured payload produces (SNMP target, MQTT payload, GPU/NPU capture)", ProbeCommand.RunAsync),
        ("profiles", "list the SNMP device profiles, or show which one a device matches", ProfilesCommand.RunAsync),
        ("metrics", "print the metrics reference (every family, its unit and labels) as Markdown", MetricsCommand.RunAsync),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteAsync(Usage());
            return ExitCodes.Ok;
        }

        if (args.Length > 0 && args[0] is "--version")
        {
            return await VersionCommand.RunAsync([], stdout, stderr, ct);
        }

        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        foreach (var (name, _, run) in Verbs)
        {
            if (string.Equals(name, verb, StringComparison.Ordinal))
            {
                try
                {
                    return await run(rest, stdout, stderr, ct);
                }
                catch (CliUsageException ex)
                {
                    await stderr.WriteLineAsync($"dcim-agent {verb}: {ex.Message} (see dcim-agent {verb} --help)");
                    return ExitCodes.BadInput;
                }
            }
        }

        await stderr.WriteLineAsync($"dcim-agent: unknown verb '{verb}'");
        await stderr.WriteAsync(Usage());
        return ExitCodes.BadInput;
    }

    private static string Usage()
    {
        var lines = new List<string>
        {
            "dcim-agent - power, cooling and accelerator monitoring for data centres",
            string.Empty,
            "usage: dcim-agent [VERB] [options]      (VERB --help for its options)",
            string.Empty,
            "verbs:",
        };
        lines.AddRange(Verbs.Select(v => $"  {v.Verb,-14} {v.Summary}"));
        lines.Add(string.Empty);
        lines.Add($"config: --config FILE, else $DCIM_AGENT_CONFIG, else {Configuration.ConfigLoader.DefaultPath}");
        return string.Join('\n', lines) + "\n";
    }
}
