using DcimAgent.EnergyReport;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent energy-report --prometheus URL --from T --to T [--by rack|tenant|role|device]
/// [--format csv|markdown|json] [--hole-step DURATION_SECONDS] [--timeout SECONDS]</c>: kWh per group,
/// energy-based PUE with its category and coverage, and the gaps, for one window. What a facilities auditor runs monthly.
/// </summary>
public static class EnergyReportCommand
{
    private static readonly string[] ValuedOptions = ["--prometheus", "--from", "--to", "--by", "--format", "--hole-step", "--timeout"];
    private static readonly string[] ByValues = ["rack", "tenant", "role", "device"];

    public const string Help = """
        usage: dcim-agent energy-report --prometheus URL --from T --to T [--by rack|tenant|role|device]
                                        [--format markdown|csv|json] [--hole-step SECONDS] [--timeout SECONDS]

        Energy per group over [from, to] from a Prometheus-compatible API (reset-safe increase() of the agent's
        ledger counters), energy-based PUE (facility / IT energy) with its Green Grid category and meter coverage,
        and flags: coverage below 1, ledger gap seconds, spans with no samples (checked every --hole-step, 900 s).
        T is RFC 3339 (2025-01-01T00:00:00Z) or Unix seconds. --by defaults to role, --format to markdown.
        Exit codes: 0 report printed, 1 the server failed or refused, 2 bad usage.

        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        CliArgs parsed;
        Uri url;
        DateTimeOffset from, to;
        string by, format;
        TimeSpan holeStep, timeout;
        try
        {
            parsed = CliArgs.Parse(args, ValuedOptions, []);
            if (parsed.Help)
            {
                await stdout.WriteAsync(Help);
                return ExitCodes.Ok;
            }

            if (parsed.Positionals.Count > 0)
            {
                throw new CliUsageException($"unexpected argument '{parsed.Positionals[0]}'");
            }

            var urlText = parsed.Get("--prometheus") ?? throw new CliUsageException("--prometheus URL is required");
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out url!) || url.Scheme is not ("http" or "https"))
            {
                throw new CliUsageException($"--prometheus: '{urlText}' is not an http(s) URL");
            }

            from = Time(parsed, "--from");
            to = Time(parsed, "--to");
            if (to <= from)
            {
                throw new CliUsageException($"--to ({ReportTime.Format(to)}) must be after --from ({ReportTime.Format(from)})");
            }

            by = parsed.Get("--by") ?? "role";
            if (!ByValues.Contains(by, StringComparer.Ordinal))
            {
                throw new CliUsageException($"--by: '{by}' is not one of rack, tenant, role, device");
            }

            format = parsed.Get("--format") ?? "markdown";
            if (!EnergyReportWriter.Formats.Contains(format, StringComparer.Ordinal))
            {
                throw new CliUsageException($"--format: '{format}' is not one of markdown, csv, json");
            }

            holeStep = Seconds(parsed, "--hole-step", 900);
            timeout = Seconds(parsed, "--timeout", 120);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"dcim-agent energy-report: {ex.Message} (see dcim-agent energy-report --help)");
            return ExitCodes.BadInput;
        }

        using var http = new HttpClient { Timeout = timeout };
        var builder = new EnergyReportBuilder(new PrometheusApiClient(http, url)) { HoleStep = holeStep };
        try
        {
            var report = await builder.BuildAsync(from, to, by, ct);
            await stdout.WriteAsync(EnergyReportWriter.Write(report, format));
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is EnergyReportException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"dcim-agent energy-report: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static DateTimeOffset Time(CliArgs args, string name)
    {
        var text = args.Get(name) ?? throw new CliUsageException($"{name} T is required");
        return ReportTime.TryParse(text, out var t)
            ? t
            : throw new CliUsageException($"{name}: '{text}' is neither RFC 3339 (2025-01-01T00:00:00Z) nor Unix seconds");
    }

    private static TimeSpan Seconds(CliArgs args, string name, int fallback)
    {
        var text = args.Get(name);
        if (text is null)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : throw new CliUsageException($"{name}: '{text}' is not a positive whole number of seconds");
    }
}
