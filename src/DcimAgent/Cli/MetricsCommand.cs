using DcimAgent.Model.Metrics;

namespace DcimAgent.Cli;

/// <summary><c>dcim-agent metrics --markdown</c>: the metrics reference (docs/metrics.md) from the catalogue.</summary>
public static class MetricsCommand
{
    private const string Usage = "usage: dcim-agent metrics --markdown\n\nPrints every metric family the agent can expose (name, type, unit, labels, meaning) as the\nMarkdown of docs/metrics.md.\n";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        if (args is ["-h"] or ["--help"])
        {
            await stdout.WriteAsync(Usage);
            return ExitCodes.Ok;
        }

        if (args is not ["--markdown"])
        {
            await stderr.WriteAsync(Usage);
            return ExitCodes.BadInput;
        }

        await stdout.WriteAsync(MetricReference.Markdown());
        return ExitCodes.Ok;
    }
}
