namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent probe</c>: "what will you export for this?" One verb, three sources, each through the same code
/// as the running agent: an SNMP device (<c>--target</c>), a captured GPU/NPU tool output (<c>--format
/// nvidia-smi-xml|nvidia-smi-csv|npu-smi|nvml-jsonl</c>), or an MQTT payload (<c>--format
/// tasmota|shelly|sparkplug-b|dcim-json|json|value</c>).
/// </summary>
public static class ProbeCommand
{
    private static readonly HashSet<string> AcceleratorFormats = new(StringComparer.Ordinal)
    {
        "nvidia-smi-xml", "nvidia-smi-csv", "npu-smi", "nvml-jsonl",
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || args is ["-h" or "--help"])
        {
            var w = args.Length == 0 ? stderr : stdout;
            await w.WriteLineAsync("usage: dcim-agent probe --target HOST[:PORT] [snmp flags] [--profile auto|NAME] [--device NAME]");
            await w.WriteLineAsync("       dcim-agent probe --input FILE --format nvidia-smi-xml|nvidia-smi-csv|npu-smi|nvml-jsonl [--device NAME]");
            await w.WriteLineAsync("       dcim-agent probe --input FILE --format tasmota|shelly|sparkplug-b|dcim-json|json|value [--topic T] [--device D]");
            await w.WriteLineAsync();
            await w.WriteLineAsync("Prints the device families (Prometheus text) that the agent would export; exit 0 when the source");
            await w.WriteLineAsync("answered or parsed, 1 with the reason on stderr otherwise. Each form's own --help has the details:");
            await w.WriteLineAsync("  dcim-agent probe --target x --help | --format npu-smi --help | --format tasmota --help");
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        if (args.Contains("--target") || args.Any(a => a.StartsWith("--target=", StringComparison.Ordinal)) || args.Contains("--snmprec"))
        {
            return await SnmpProbe.RunAsync(args, stdout, stderr, ct);
        }

        var format = FormatOf(args);
        if (format is not null && AcceleratorFormats.Contains(format))
        {
            return await AcceleratorProbe.RunAsync(args, stdout, stderr, ct);
        }

        return await PayloadProbe.RunAsync(args, stdout, stderr, ct);
    }

    private static string? FormatOf(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--format=", StringComparison.Ordinal))
            {
                return args[i]["--format=".Length..];
            }
        }

        return null;
    }
}
