using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DcimAgent.EnergyReport;

/// <summary>Formats an <see cref="EnergyReportModel"/> as markdown (for people), CSV (for spreadsheets) or JSON (for tools).</summary>
public static class EnergyReportWriter
{
    public static readonly IReadOnlyList<string> Formats = ["markdown", "csv", "json"];

    public static string Write(EnergyReportModel report, string format) => format switch
    {
        "csv" => Csv(report),
        "json" => Json(report),
        _ => Markdown(report),
    };

    private static string N(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string N(double? v, int decimals) => v is { } x ? N(x, decimals) : string.Empty;

    private static string Markdown(EnergyReportModel r)
    {
        var sb = new StringBuilder();
        var hours = (r.To - r.From).TotalHours;
        sb.Append(CultureInfo.InvariantCulture, $"# Energy report {ReportTime.Format(r.From)} to {ReportTime.Format(r.To)} ({N(hours, 1)} h)\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"## Energy by {r.By}\n\n| {string.Join(" | ", r.GroupLabels)} | kWh |\n|{string.Concat(r.GroupLabels.Select(_ => "---|"))}---:|\n");
        foreach (var row in r.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {string.Join(" | ", row.Labels)} | {N(row.Kwh, 3)} |\n");
        }

        sb.Append("\n## PUE (energy-based, ISO/IEC 30134-2)\n\n| site | facility kWh | IT kWh | PUE | category | coverage min | gap s | status |\n|---|---:|---:|---:|---|---|---:|---|\n");
        foreach (var s in r.Sites)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {s.Site} | {N(s.FacilityKwh, 3)} | {N(s.ItKwh, 3)} | {N(s.Pue, 4)} | {SiteEnergySummary.CategoryText(s.Category)} | {Coverage(s)} | {N(s.GapSeconds.Values.Sum(), 0)} | {(s.Flagged ? "FLAGGED" : "ok")} |\n");
        }

        var flagged = r.Sites.Where(s => s.Flagged).ToList();
        if (flagged.Count > 0)
        {
            sb.Append("\n## Gaps and flags\n\n");
            foreach (var s in flagged)
            {
                foreach (var line in Flags(s))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {s.Site}: {line}\n");
                }
            }
        }

        return sb.ToString();
    }

    private static string Coverage(SiteEnergySummary s) =>
        string.Join(", ", s.CoverageMin.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {N(kv.Value, 2)}")));

    private static IEnumerable<string> Flags(SiteEnergySummary s)
    {
        if (s.Pue is null)
        {
            yield return "no PUE: facility or IT energy missing in the window";
        }

        foreach (var (role, c) in s.CoverageMin.Where(kv => kv.Value < 1))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{role} meter coverage fell to {N(c, 2)} (average {N(s.CoverageAvg.GetValueOrDefault(role, double.NaN), 3)}): energy of silent meters is missing");
        }

        foreach (var (role, g) in s.GapSeconds.Where(kv => kv.Value > 0))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{role}: {N(g, 0)} meter-seconds not integrated (meters silent beyond the gap limit)");
        }

        foreach (var (from, to) in s.Holes)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"no energy samples in Prometheus from {ReportTime.Format(from)} to {ReportTime.Format(to)} ({N((to - from).TotalMinutes, 0)} min; counters bridge it, but nothing watched it)");
        }
    }

    private static string Csv(EnergyReportModel r)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', r.GroupLabels.Select(Cell))).Append(",kwh\n");
        foreach (var row in r.Rows)
        {
            sb.Append(string.Join(',', row.Labels.Select(Cell))).Append(',').Append(N(row.Kwh, 6)).Append('\n');
        }

        sb.Append("\nsite,facility_kwh,it_kwh,pue,category,coverage_min,gap_seconds,holes,flagged\n");
        foreach (var s in r.Sites)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{Cell(s.Site)},{N(s.FacilityKwh, 6)},{N(s.ItKwh, 6)},{N(s.Pue, 6)},{s.Category},{Cell(Coverage(s))},{N(s.GapSeconds.Values.Sum(), 0)},{s.Holes.Count},{(s.Flagged ? "true" : "false")}\n");
        }

        return sb.ToString();
    }

    // RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
    private static string Cell(string v)
    {
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@')
        {
            v = "'" + v;
        }

        return v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static string Json(EnergyReportModel r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("from", ReportTime.Format(r.From));
            w.WriteString("to", ReportTime.Format(r.To));
            w.WriteString("by", r.By);
            w.WriteStartArray("rows");
            foreach (var row in r.Rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < r.GroupLabels.Count; i++)
                {
                    w.WriteString(r.GroupLabels[i], row.Labels[i]);
                }

                w.WriteNumber("kwh", row.Kwh);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("sites");
            foreach (var s in r.Sites)
            {
                w.WriteStartObject();
                w.WriteString("site", s.Site);
                WriteNullable(w, "facility_kwh", s.FacilityKwh);
                WriteNullable(w, "it_kwh", s.ItKwh);
                WriteNullable(w, "pue", s.Pue);
                WriteNullable(w, "category", s.Category);
                w.WriteString("category_text", SiteEnergySummary.CategoryText(s.Category));
                WriteMap(w, "coverage_min", s.CoverageMin);
                WriteMap(w, "coverage_avg", s.CoverageAvg);
                WriteMap(w, "gap_seconds", s.GapSeconds);
                w.WriteStartArray("holes");
                foreach (var (from, to) in s.Holes)
                {
                    w.WriteStartObject();
                    w.WriteString("from", ReportTime.Format(from));
                    w.WriteString("to", ReportTime.Format(to));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteBoolean("flagged", s.Flagged);
                w.WriteStartArray("flags");
                foreach (var f in Flags(s))
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x && double.IsFinite(x))
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } x)
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteMap(Utf8JsonWriter w, string name, SortedDictionary<string, double> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map)
        {
            w.WriteNumber(k, v);
        }

        w.WriteEndObject();
    }
}
