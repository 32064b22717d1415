using DcimAgent.Cli;
using DcimAgent.EnergyReport;

namespace DcimAgent.Tests.Facility;

public sealed class EnergyReportCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EnergyReportCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00Z", 1735689600)]
    [InlineData("2025-01-01T08:00:00+08:00", 1735689600)]
    [InlineData("2025-01-01 00:00:00.500Z", 1735689600)]
    [InlineData("1735689600", 1735689600)]
    [InlineData("1735689600.9", 1735689600)]
    public void TryParse_Rfc3339OrUnixSeconds_GivesTheInstant(string text, long unix)
    {
        Assert.True(ReportTime.TryParse(text, out var t));
        Assert.Equal(unix, t.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-01-01T00:00:00")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("")]
    public void TryParse_AmbiguousOrForeign_IsRefused(string text) => Assert.False(ReportTime.TryParse(text, out _));

    [Theory]
    [InlineData("--from 2025-01-01T00:00:00Z --to 2025-02-01T00:00:00Z", "--prometheus URL is required")]
    [InlineData("--prometheus ftp://x --from 1 --to 2", "--prometheus: 'ftp://x' is not an http(s) URL")]
    [InlineData("--prometheus http://127.0.0.1:19001 --from 2025-01-01 --to 2", "--from: '2025-01-01' is neither RFC 3339 (2025-01-01T00:00:00Z) nor Unix seconds")]
    [InlineData("--prometheus http://127.0.0.1:19001 --from 20 --to 10", "--to (1970-01-01T00:00:10Z) must be after --from (1970-01-01T00:00:20Z)")]
    [InlineData("--prometheus http://127.0.0.1:19001 --from 1 --to 2 --by floor", "--by: 'floor' is not one of rack, tenant, role, device")]
    [InlineData("--prometheus http://127.0.0.1:19001 --from 1 --to 2 --format xlsx", "--format: 'xlsx' is not one of markdown, csv, json")]
    [InlineData("--prometheus http://127.0.0.1:19001 --from 1 --to 2 --hole-step 0", "--hole-step: '0' is not a positive whole number of seconds")]
    [InlineData("--prometheus http://127.0.0.1:19001 --from 1 --to 2 --month 1", "unknown option --month")]
    public async Task RunAsync_BadUsage_ExitsTwoNamingTheOption(string args, string message)
    {
        var (code, output, err) = await Run(args.Split(' '));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"dcim-agent energy-report: {message} (see dcim-agent energy-report --help)\n", err);
        Assert.Empty(output);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ExitsOneWithTheReason()
    {
        var (code, output, err) = await Run("--prometheus", "http://127.0.0.1:19003", "--from", "1", "--to", "7200");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Empty(output);
        Assert.StartsWith("dcim-agent energy-report: Connection refused", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsage()
    {
        var (code, output, _) = await Run("--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("usage: dcim-agent energy-report --prometheus URL --from T --to T", output, StringComparison.Ordinal);
    }
}
