using System.Collections.Frozen;
using System.Reflection;

namespace DcimAgent.Model.Metrics;

/// <summary>
/// The families of the metrics contract (tests/fixtures/spec/metrics.md) as code. Nothing in the agent may expose a device family that is
/// not declared here (dashboards, rules and outside checks are written against these names).
/// Split by section into partial files: MetricCatalog.Power.cs, .Cooling.cs, ...
/// </summary>
public static partial class MetricCatalog
{
    private static readonly Lazy<FrozenDictionary<string, MetricFamily>> ByName = new(BuildIndex);

    /// <summary>Every family, in declaration order of the spec sections.</summary>
    public static IReadOnlyCollection<MetricFamily> All => ByName.Value.Values;

    public static bool TryGet(string name, out MetricFamily family) =>
        ByName.Value.TryGetValue(name, out family!);

    public static MetricFamily Get(string name) =>
        TryGet(name, out var family) ? family : throw new KeyNotFoundException($"'{name}' is not a family of spec/metrics.md");

    private static FrozenDictionary<string, MetricFamily> BuildIndex()
    {
        var families = typeof(MetricCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(MetricFamily))
            .Select(f => (MetricFamily)f.GetValue(null)!);
        return families.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    private static MetricFamily Gauge(string name, string unit, string help, params string[] labels) =>
        new(name, MetricType.Gauge, unit, help, labels);

    private static MetricFamily Counter(string name, string unit, string help, params string[] labels) =>
        new(name, MetricType.Counter, unit, help, labels);

    private static MetricFamily StateSet(string name, string help, string[] states, params string[] labels) =>
        new(name, MetricType.StateSet, string.Empty, help, [.. labels, "state"], states);
}
