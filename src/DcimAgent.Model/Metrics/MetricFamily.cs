namespace DcimAgent.Model.Metrics;

/// <summary>
/// One family of spec/metrics.md: its name, type, base unit, help text and the labels it may carry beyond
/// the device identity and location labels.
/// </summary>
public sealed class MetricFamily
{
    private static int _created;
    private readonly string[] _labels;

    public MetricFamily(
        string name,
        MetricType type,
        string unit,
        string help,
        IReadOnlyList<string>? labels = null,
        IReadOnlyList<string>? states = null,
        FamilyScope scope = FamilyScope.Device)
    {
        Name = name;
        Type = type;
        Unit = unit;
        Help = help;
        _labels = labels is null ? [] : [.. labels];
        Labels = _labels;
        Ordinal = Interlocked.Increment(ref _created) - 1;
        States = states ?? [];
        Scope = scope;
        if (type == MetricType.StateSet && States.Count == 0)
        {
            throw new ArgumentException($"state set {name} needs its states", nameof(states));
        }
    }

    /// <summary>Full exposition name, e.g. <c>dcim_pdu_energy_joules_total</c>.</summary>
    public string Name { get; }

    public MetricType Type { get; }

    /// <summary>Prometheus base unit (watts, joules, celsius, ratio, ...) or empty for unitless.</summary>
    public string Unit { get; }

    public string Help { get; }

    /// <summary>Component labels allowed beyond identity and location (phase, outlet, state, ...).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The closed list of states of a state set (value of the <c>state</c> label).</summary>
    public IReadOnlyList<string> States { get; }

    public FamilyScope Scope { get; }

    /// <summary>Health families stay while a device is down; every other device series goes stale.</summary>
    public bool NeverStale { get; init; }

    /// <summary>A number unique to this family in the process, from 0: lets a store index its families by array.</summary>
    public int Ordinal { get; }

    // A loop over the array: Enumerable.Contains with a comparer enumerates through IEnumerable (an allocation and
    // interface calls per label), and this runs for every label of every sample written.
    public bool AllowsLabel(string label)
    {
        foreach (var l in _labels)
        {
            if (string.Equals(l, label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name;
}

/// <summary>Which labels a family's series carry besides its own component labels.</summary>
public enum FamilyScope
{
    /// <summary>Device identity (device, device_class) and location labels.</summary>
    Device,

    /// <summary>Only the family's own labels (agent-wide families such as MQTT counters, site roll-ups).</summary>
    Global,
}
