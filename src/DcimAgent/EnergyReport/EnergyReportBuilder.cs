using System.Globalization;

namespace DcimAgent.EnergyReport;

/// <summary>
/// Asks Prometheus for the window's energy and assembles the report. Energy is <c>increase()</c> of the agent's
/// ledger counters over exactly the window (reset-safe: a counter that starts again is read as a reset, never
/// as negative energy), evaluated at the window's end.
/// </summary>
public sealed class EnergyReportBuilder
{
    private const double JoulesPerKwh = 3.6e6;
    private readonly PrometheusApiClient _api;

    public EnergyReportBuilder(PrometheusApiClient api) => _api = api;

    /// <summary>The step of the hole search: a span without any energy sample at least this long is reported.</summary>
    public TimeSpan HoleStep { get; init; } = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<string> GroupLabelsOf(string by) => by switch
    {
        "rack" => ["site", "room", "row", "rack", "tenant"],
        "tenant" => ["site", "tenant"],
        "device" => ["site", "device"],
        _ => ["site", "role"],
    };

    public async Task<EnergyReportModel> BuildAsync(DateTimeOffset from, DateTimeOffset to, string by, CancellationToken ct)
    {
        var window = string.Create(CultureInfo.InvariantCulture, $"{(long)(to - from).TotalSeconds}s");
        var labels = GroupLabelsOf(by);
        var report = new EnergyReportModel { From = from, To = to, By = by, GroupLabels = labels };
        var groupExpr = by switch
        {
            "rack" or "tenant" => $"increase(dcim_rack_energy_joules_total[{window}])",
            // Device registers only: a device's outlets are part of its total, and power-only devices have no register.
            "device" => $"increase(dcim_pdu_energy_joules_total[{window}])",
            _ => $"increase(dcim_site_energy_joules_total[{window}])",
        };
        foreach (var s in await _api.QueryAsync($"sum by ({string.Join(", ", labels)}) ({groupExpr})", to, ct))
        {
            report.Rows.Add(new EnergyRow([.. labels.Select(l => s.Labels.GetValueOrDefault(l, string.Empty))], s.Points[0].Value / JoulesPerKwh));
        }

        report.Rows.Sort((a, b) => CompareRows(a.Labels, b.Labels));
        var sites = new SortedDictionary<string, SiteEnergySummary>(StringComparer.Ordinal);
        SiteEnergySummary Site(IReadOnlyDictionary<string, string> l)
        {
            var name = l.GetValueOrDefault("site", string.Empty);
            if (!sites.TryGetValue(name, out var s))
            {
                sites[name] = s = new SiteEnergySummary { Site = name };
            }

            return s;
        }

        foreach (var s in await _api.QueryAsync($"sum by (site, role) (increase(dcim_site_energy_joules_total[{window}]))", to, ct))
        {
            var kwh = s.Points[0].Value / JoulesPerKwh;
            switch (s.Labels.GetValueOrDefault("role"))
            {
                case "facility": Site(s.Labels).FacilityKwh = kwh; break;
                case "it": Site(s.Labels).ItKwh = kwh; break;
                default: Site(s.Labels); break;
            }
        }

        foreach (var s in await _api.QueryAsync($"max by (site) (max_over_time(dcim_site_pue_category[{window}]))", to, ct))
        {
            Site(s.Labels).Category = (int)s.Points[0].Value;
        }

        await FillByRole(Site, $"min by (site, role) (min_over_time(dcim_site_meter_coverage_ratio[{window}]))", to, (x, r, v) => x.CoverageMin[r] = v, ct);
        await FillByRole(Site, $"avg by (site, role) (avg_over_time(dcim_site_meter_coverage_ratio[{window}]))", to, (x, r, v) => x.CoverageAvg[r] = v, ct);
        await FillByRole(Site, $"sum by (site, role) (increase(dcim_site_energy_gap_seconds_total[{window}]))", to, (x, r, v) => x.GapSeconds[r] = v, ct);
        await FindHoles(sites.Values, from, to, ct);
        report.Sites.AddRange(sites.Values);
        return report;
    }

    private async Task FillByRole(Func<IReadOnlyDictionary<string, string>, SiteEnergySummary> site,
        string promql, DateTimeOffset to, Action<SiteEnergySummary, string, double> set, CancellationToken ct)
    {
        foreach (var s in await _api.QueryAsync(promql, to, ct))
        {
            set(site(s.Labels), s.Labels.GetValueOrDefault("role", string.Empty), s.Points[0].Value);
        }
    }

    /// <summary>
    /// Steps through the window: a step whose preceding <see cref="HoleStep"/> holds no facility or IT energy
    /// sample is a hole. Counters bridge a hole (the increase across it is still measured), so a hole costs no
    /// energy, but the auditor should know the data was not watched then.
    /// </summary>
    private async Task FindHoles(IEnumerable<SiteEnergySummary> sites, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var step = HoleStep;
        var start = from + step;
        if (start > to)
        {
            return;
        }

        var stepText = string.Create(CultureInfo.InvariantCulture, $"{(long)step.TotalSeconds}s");
        var result = await _api.QueryRangeAsync(
            $"count by (site) (count_over_time(dcim_site_energy_joules_total{{role=~\"facility|it\"}}[{stepText}]))", start, to, step, ct);
        foreach (var summary in sites)
        {
            var present = new HashSet<long>();
            foreach (var s in result.Where(r => r.Labels.GetValueOrDefault("site", string.Empty) == summary.Site))
            {
                foreach (var (t, _) in s.Points)
                {
                    present.Add(t.ToUnixTimeSeconds());
                }
            }

            for (var t = start; t <= to; t += step)
            {
                if (present.Contains(t.ToUnixTimeSeconds()))
                {
                    continue;
                }

                var holeFrom = t - step;
                if (summary.Holes.Count > 0 && summary.Holes[^1].To == holeFrom)
                {
                    summary.Holes[^1] = (summary.Holes[^1].From, t);
                }
                else
                {
                    summary.Holes.Add((holeFrom, t));
                }
            }
        }
    }

    private static int CompareRows(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count && i < b.Count; i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }
}
