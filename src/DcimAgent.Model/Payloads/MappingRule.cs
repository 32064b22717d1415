using DcimAgent.Model.Metrics;
using DcimAgent.Model.Units;

namespace DcimAgent.Model.Payloads;

/// <summary>
/// One validated rule of a <c>json</c> (a JSON path) or <c>sparkplug-b</c> (a metric name) subscription:
/// where the reading is, which family it feeds, how to reach the base unit, and which labels it adds.
/// Built from the config once; every error names the rule so check-config can point at it.
/// </summary>
public sealed class MappingRule
{
    public MappingRule(
        string path,
        MetricFamily family,
        string? unit = null,
        double? scale = null,
        string? indexLabel = null,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? states = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        Family = family;
        Scale = scale ?? 1.0;
        if (!double.IsFinite(Scale) || Scale == 0)
        {
            throw new ArgumentException($"mapping '{path}': scale must be a finite non-zero number");
        }

        if (unit is not null)
        {
            if (!UnitLibrary.TryGet(unit, out var u))
            {
                throw new ArgumentException($"mapping '{path}': unknown unit '{unit}'");
            }

            if (u.BaseUnit.Length > 0 && !string.Equals(u.BaseUnit, family.Unit, StringComparison.Ordinal))
            {
                throw new ArgumentException($"mapping '{path}': unit '{unit}' converts to {u.BaseUnit}, but {family.Name} is in {(family.Unit.Length == 0 ? "no unit" : family.Unit)}");
            }

            Unit = u;
        }

        var fixedLabels = new List<(string, string)>();
        foreach (var (name, value) in labels ?? new Dictionary<string, string>())
        {
            if (!family.AllowsLabel(name) || string.Equals(name, "state", StringComparison.Ordinal))
            {
                throw new ArgumentException($"mapping '{path}': {family.Name} has no label '{name}' (allowed: {string.Join(", ", family.Labels)})");
            }

            fixedLabels.Add((name, value));
        }

        Labels = LabelSet.Of([.. fixedLabels]);
        States = states ?? new Dictionary<string, string>();
        if (family.Type == MetricType.StateSet)
        {
            foreach (var target in States.Values)
            {
                if (!family.States.Contains(target, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"mapping '{path}': '{target}' is not a state of {family.Name} ({string.Join(", ", family.States)})");
                }
            }
        }
        else if (States.Count > 0)
        {
            foreach (var target in States.Values)
            {
                if (!double.TryParse(target, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw new ArgumentException($"mapping '{path}': {family.Name} is not a state set, so states must map to numbers ('{target}' is not one)");
                }
            }
        }

        IndexLabel = indexLabel;
        if (indexLabel is not null && !family.AllowsLabel(indexLabel))
        {
            throw new ArgumentException($"mapping '{path}': index label '{indexLabel}' is not a label of {family.Name}");
        }
    }

    public string Path { get; }

    public MetricFamily Family { get; }

    public Unit? Unit { get; }

    public double Scale { get; }

    /// <summary>Label receiving the array index of a <c>[*]</c> segment.</summary>
    public string? IndexLabel { get; }

    public LabelSet Labels { get; }

    /// <summary>Raw text (an enum value, <c>true</c>/<c>false</c>) → state of a state set, or → a number for a gauge.</summary>
    public IReadOnlyDictionary<string, string> States { get; }

    /// <summary>Raw device number → base unit.</summary>
    public double ToBase(double raw)
    {
        var scaled = ExactScale.Multiply(raw, Scale);
        if (Unit is null)
        {
            return scaled;
        }

        return Unit.Offset == 0 ? ExactScale.Multiply(scaled, Unit.Factor) : Unit.ToBase(scaled);
    }
}
