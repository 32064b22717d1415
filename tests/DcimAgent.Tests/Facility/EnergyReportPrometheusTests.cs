using System.Text.Json;
using DcimAgent.Cli;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Facility;

/// <summary>
/// energy-report against a real Prometheus holding a month of synthetic facility series: kWh and PUE must
/// match the hand-computed integrals to 0.1 %.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EnergyReportPrometheusTests : IClassFixture<SyntheticMonthPrometheus>
{
    private readonly SyntheticMonthPrometheus _month;

    public EnergyReportPrometheusTests(SyntheticMonthPrometheus month) => _month = month;

    private async Task<(int Code, string Out, string Err)> Report(params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--prometheus", _month.Peer.Url.ToString(), "--from", "2025-01-01T00:00:00Z", "--to", SyntheticMonth.To.ToUnixTimeSeconds().ToString(), .. extra];
        var code = await EnergyReportCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * 0.001, $"expected {expected} ± 0.1 %, got {actual}");

    [Fact]
    public async Task EnergyReport_MonthByRole_MatchesHandComputedKwhPueAndFlags()
    {
        var (code, output, err) = await Report("--by", "role", "--format", "json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("kwh").GetDouble());
        var t = SyntheticMonth.Seconds;
        var facility = SyntheticMonth.FacilityJoules(t) / 3.6e6;
        var it = SyntheticMonth.ItJoules(t) / 3.6e6;
        Near(facility, rows["facility"]);
        Near(it, rows["it"]);
        Near(250 * 744, rows["cooling"]); // 250 kW × 744 h
        Near(50 * 744, rows["other"]);
        var site = doc.RootElement.GetProperty("sites")[0];
        Assert.Equal("hall1", site.GetProperty("site").GetString());
        Near(facility / it, site.GetProperty("pue").GetDouble());
        Assert.Equal(2, site.GetProperty("category").GetInt32());
        Assert.Equal(0.5, site.GetProperty("coverage_min").GetProperty("cooling").GetDouble());
        Assert.Equal(1.0, site.GetProperty("coverage_min").GetProperty("it").GetDouble());
        Assert.Equal(900.0, site.GetProperty("gap_seconds").GetProperty("cooling").GetDouble());
        var hole = Assert.Single(site.GetProperty("holes").EnumerateArray());
        Assert.Equal("2025-01-11T00:15:00Z", hole.GetProperty("from").GetString());
        Assert.Equal("2025-01-11T02:45:00Z", hole.GetProperty("to").GetString());
        Assert.True(site.GetProperty("flagged").GetBoolean());
    }

    [Fact]
    public async Task EnergyReport_ByRackAndTenant_CountsAcrossTheCounterReset()
    {
        var (rackCode, rackCsv, rackErr) = await Report("--by", "rack", "--format", "csv");
        var (tenantCode, tenantMd, tenantErr) = await Report("--by", "tenant");

        Assert.True(rackCode == 0, rackErr);
        Assert.True(tenantCode == 0, tenantErr);
        var lines = rackCsv.Split('\n');
        Assert.Equal("site,room,row,rack,tenant,kwh", lines[0]);
        double Kwh(string line) => double.Parse(line[(line.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("hall1,room1,row1,R01,acme,", lines[1]);
        Near(400 * 744, Kwh(lines[1]));
        Assert.StartsWith("hall1,room1,row1,R02,acme,", lines[2]);
        Near(350 * 744, Kwh(lines[2]));
        Assert.StartsWith("hall1,room1,row2,R03,globex,", lines[3]);
        Near(250 * 744, Kwh(lines[3]));
        Assert.Contains("| hall1 | acme | 558000.000 |", tenantMd);
        Assert.Contains("| hall1 | globex | 186000.000 |", tenantMd);
        Assert.Contains("2 (IT energy at PDU output)", tenantMd);
        Assert.Contains("- hall1: cooling meter coverage fell to 0.50", tenantMd);
    }
}
