using System.Globalization;
using System.Text;

namespace DcimAgent.Model.Metrics;

/// <summary>
/// docs/metrics.md, written from <see cref="MetricCatalog"/> so the reference and the code cannot drift
/// (<c>dcim-agent metrics --markdown</c> prints it; a test compares it with the file).
/// </summary>
public static class MetricReference
{
    public static string Markdown()
    {
        var families = MetricCatalog.All.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("# Metrics reference\n\n");
        sb.Append("Every family the agent exposes, generated from `MetricCatalog` (`src/DcimAgent.Model/Metrics/`) by\n");
        sb.Append("`dcim-agent metrics --markdown`; a test fails when this file and the code differ. The families follow the\n");
        sb.Append("metrics contract (a copy is in `tests/fixtures/spec/metrics.md`): base units in the name, counters end in\n");
        sb.Append("`_total`, state sets are one gauge series per state (value 1 for the current state).\n\n");
        sb.Append("Device-scoped families also carry the device identity (`device`, `device_class`) and the target's location\n");
        sb.Append("labels (`").Append(string.Join("`, `", DeviceIdentity.LocationLabelNames)).Append("`); global ones carry only their own labels.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{families.Count} families.\n\n");
        sb.Append("| family | type | unit | scope | labels | meaning |\n|---|---|---|---|---|---|\n");
        foreach (var f in families)
        {
            var labels = f.Labels.Count == 0 ? "" : "`" + string.Join("`, `", f.Labels) + "`";
            var meaning = Cell(f.Help);
            if (f.States.Count > 0)
            {
                meaning += " — states: " + string.Join(", ", f.States.Select(s => "`" + s + "`"));
            }

            if (f.NeverStale)
            {
                meaning += " (kept while the device is down)";
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"| `{f.Name}` | {Type(f.Type)} | {(f.Unit.Length == 0 ? "-" : f.Unit)} | {(f.Scope == FamilyScope.Device ? "device" : "global")} | {labels} | {meaning} |\n");
        }

        return sb.ToString();
    }

    private static string Type(MetricType t) => t switch
    {
        MetricType.Counter => "counter",
        MetricType.StateSet => "stateset",
        _ => "gauge",
    };

    // Help texts are one line; a pipe would end the table cell.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
