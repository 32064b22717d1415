using System.Globalization;
using System.Text;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Tests.Dashboards;

/// <summary>
/// A Prometheus text exposition with series of every family of <see cref="MetricCatalog"/>, generated from the
/// catalogue itself: each device family on a device of its class with full identity and location labels,
/// each component label with every value the catalogue lists (all phases, roles, states, reasons...), gauges
/// at 1, the first state of a state set 1 and the others 0, counters growing with time so increase() and
/// rate() have something to measure. It stands in for a running agent until the collectors feed one.
/// </summary>
public sealed class CatalogExposition
{
    private static readonly (string Prefix, string Device, string DeviceClass, bool Fed)[] Devices =
    [
        ("dcim_pdu_", "pdu-a01-a", "pdu", true),
        ("dcim_ups_", "ups-1", "ups", true),
        ("dcim_cooling_", "crah-1", "crah", false),
        ("dcim_accelerator_", "gpu-host-1", "accelerator_host", false),
        ("dcim_server_", "gpu-host-1", "accelerator_host", false),
        ("dcim_sensor_", "hub-1", "sensor_hub", false),
    ];

    private readonly DateTimeOffset _start;

    public CatalogExposition(DateTimeOffset start) => _start = start;

    /// <summary>The families written, for the test's own bookkeeping.</summary>
    public static IReadOnlyCollection<MetricFamily> Families => MetricCatalog.All;

    public string Render(DateTimeOffset now)
    {
        var counter = 1 + Math.Round((now - _start).TotalSeconds * 10, 1);
        var sb = new StringBuilder();
        foreach (var f in MetricCatalog.All)
        {
            sb.Append("# TYPE ").Append(f.Name).Append(f.Type == MetricType.Counter ? " counter\n" : " gauge\n");
            foreach (var identity in IdentitiesOf(f))
            {
                foreach (var component in Combinations(f))
                {
                    var value = f.Type switch
                    {
                        MetricType.Counter => counter,
                        MetricType.StateSet => component.Any(l => l.Key == "state" && l.Value == f.States[0]) ? 1 : 0,
                        _ => 1,
                    };
                    sb.Append(f.Name).Append('{');
                    sb.AppendJoin(',', identity.Concat(component).Select(l => $"{l.Key}=\"{l.Value}\""));
                    sb.Append("} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<List<KeyValuePair<string, string>>> IdentitiesOf(MetricFamily f)
    {
        if (f.Scope == FamilyScope.Global)
        {
            yield return [];
            yield break;
        }

        // Health families exist for every device; the others for the device of their section.
        var match = Devices.Where(d => f.Name.StartsWith(d.Prefix, StringComparison.Ordinal)).ToList();
        foreach (var d in match.Count > 0 ? match : Devices.DistinctBy(d => d.Device))
        {
            List<KeyValuePair<string, string>> labels =
            [
                new("device", d.Device), new("device_class", d.DeviceClass),
                new("site", "dc1"), new("room", "hall-1"), new("row", "A"), new("rack", "A01"),
            ];
            if (d.Fed)
            {
                labels.Add(new("feed", "A"));
            }

            yield return labels;
        }
    }

    private static IEnumerable<List<KeyValuePair<string, string>>> Combinations(MetricFamily f)
    {
        IEnumerable<List<KeyValuePair<string, string>>> result = [[]];
        foreach (var label in f.Labels)
        {
            var values = ValuesOf(f, label);
            result = result.SelectMany(prefix => values.Select(v => new List<KeyValuePair<string, string>>(prefix) { new(label, v) })).ToList();
        }

        return result;
    }

    private static IReadOnlyList<string> ValuesOf(MetricFamily f, string label) => label switch
    {
        "state" => f.States,
        "reason" when f == MetricCatalog.AcceleratorThrottled => MetricCatalog.ThrottleReasons,
        "reason" => MetricCatalog.PollErrorReasons,
        "role" => MetricCatalog.SiteRoles,
        "phase" => ["L1", "L2", "L3"],
        "medium" => ["air", "water"],
        "clock" => ["core", "memory"],
        "type" => ["corrected", "uncorrected"],
        "result" => ["accepted", "rejected"],
        "site" => ["dc1"],
        "room" => ["hall-1"],
        "row" => ["A"],
        "rack" => ["A01"],
        "tenant" => ["ai-lab"],
        "broker" => ["bms"],
        "subscription" => ["boards"],
        "outlet" or "outlet_name" or "breaker" or "psu" or "fan" => ["1"],
        "accelerator" => ["0"],
        "sensor" => ["inlet"],
        "alarm" => ["filter"],
        "trap" => ["linkDown"],
        "vendor" => ["NVIDIA"],
        "model" => ["H100"],
        "uuid" => ["GPU-01952c05-254a-7bc6-dd11-10dbb5dff193"],
        "protocol" => ["snmp"],
        _ => ["x"],
    };
}
