using System.Globalization;
using System.Text.RegularExpressions;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Units;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>The metric part of the loader: one entry of <c>metrics:</c> or of a table's <c>metrics:</c>.</summary>
public static partial class ProfileLoader
{
    private static readonly string[] MetricKeys =
    [
        "family", "oid", "column", "labels", "when", "unit", "unit_map", "multiply", "divide", "offset", "scale",
        "scale_mode", "absent", "valid_min", "valid_max", "magnitude", "value_map", "states", "default_state",
        "fallback", "aggregate", "note", "labels_on_collision",
    ];

    /// <summary>Labels a family may leave out: <c>fan</c> is only needed "where several" (spec/metrics.md).</summary>
    private static readonly string[] OptionalLabels = ["fan", "state"];

    /// <summary>Families the poller writes itself; a profile may not produce them.</summary>
    private static readonly string[] PollerFamilies =
    [
        "dcim_device_up", "dcim_device_info", "dcim_device_last_success_timestamp_seconds", "dcim_poll_duration_seconds",
        "dcim_poll_errors_total", "dcim_snmp_traps_received_total",
    ];

    private static ProfileMetric? ReadMetric(YamlCursor m, bool table)
    {
        m.OnlyKeys(MetricKeys);
        var errorsBefore = m.Errors.Count;
        var familyName = Required(m, "family")?.Text();
        MetricFamily? family = null;
        if (familyName is not null)
        {
            if (!MetricCatalog.TryGet(familyName, out family!) || family.Scope != FamilyScope.Device)
            {
                m.Child("family")!.Value.Error($"'{familyName}' is not a device family of spec/metrics.md");
                family = null;
            }
            else if (PollerFamilies.Contains(familyName, StringComparer.Ordinal))
            {
                m.Child("family")!.Value.Error($"'{familyName}' is written by the poller, not by profiles");
                family = null;
            }
        }

        Oid? oid = null;
        uint column = 0;
        if (table)
        {
            if (m.Child("oid") is { } o)
            {
                o.Error("table metrics name a 'column', not an 'oid'");
            }

            var c = Required(m, "column")?.Number();
            if (c is { } cv && (cv < 1 || cv != Math.Floor(cv)))
            {
                m.Child("column")!.Value.Error("a column is a positive whole number");
            }

            column = (uint)(c ?? 0);
        }
        else
        {
            oid = Required(m, "oid") is { } o ? ReadOid(o) : null;
            if (m.Child("column") is { } col)
            {
                col.Error("'column' belongs in a table; a scalar metric names its 'oid'");
            }

            if (m.Child("aggregate") is { } s)
            {
                s.Error("'aggregate' folds table rows; it has no meaning for a scalar");
            }
        }

        var labels = ReadLabels(m, family, table);
        var onCollision = ReadCollisionLabels(m, labels, table);
        var when = m.Child("when")?.Items().Select(w => ReadCondition(w, table)).OfType<RowCondition>().ToArray() ?? [];
        var transform = family is null ? ValueTransform.Identity : ReadTransform(m, family, table);
        IReadOnlyDictionary<string, string>? states = null;
        string? defaultState = null;
        if (family is not null && family.Type == MetricType.StateSet)
        {
            states = ReadStates(Required(m, "states"), family);
            if (m.Child("default_state") is { } ds && ds.Text() is { } dsv)
            {
                defaultState = dsv;
                if (!family.States.Contains(dsv, StringComparer.Ordinal))
                {
                    ds.Error($"'{dsv}' is not a state of {family.Name} ({string.Join(", ", family.States)})");
                }
            }
        }
        else if (m.Child("states") is { } st)
        {
            st.Error($"'states' is for state-set families; {familyName} is not one");
        }

        var aggregate = RowAggregate.None;
        if (m.Child("aggregate") is { } ag && ag.Text() is { } agText)
        {
            aggregate = agText switch
            {
                "sum" => RowAggregate.Sum,
                "max" => RowAggregate.Max,
                _ => FailAggregate(ag, agText),
            };
        }

        if (aggregate != RowAggregate.None && labels.Any(l => !l.Value.IsLiteral))
        {
            m.Child("labels")!.Value.Error("an aggregated series has fixed labels only (it folds every row)");
        }

        if (family is null || m.Errors.Count > errorsBefore)
        {
            return null;
        }

        return new ProfileMetric
        {
            Family = family,
            Oid = oid,
            Column = column,
            Labels = labels,
            LabelsOnCollision = onCollision,
            When = when,
            Transform = transform,
            States = states,
            DefaultState = defaultState,
            Fallback = m.Child("fallback")?.Bool() ?? false,
            Aggregate = aggregate,
            Where = $"{m.File}:{m.Line}: {m.Path} {family.Name}",
        };
    }

    // Only labels the metric already sets may be replaced, so a collision never changes which labels a series has.
    private static List<KeyValuePair<string, Template>> ReadCollisionLabels(YamlCursor m, List<KeyValuePair<string, Template>> labels, bool table)
    {
        var alternates = new List<KeyValuePair<string, Template>>();
        if (m.Child("labels_on_collision") is not { } map)
        {
            return alternates;
        }

        if (!table)
        {
            map.Error("'labels_on_collision' is for table rows; a scalar has one series");
            return alternates;
        }

        foreach (var (name, value) in map.Entries())
        {
            if (labels.All(l => l.Key != name))
            {
                value.Error($"'labels_on_collision' names '{name}', which 'labels' does not set");
            }
            else if (ReadTemplate(value, table) is { } t)
            {
                alternates.Add(new(name, t));
            }
        }

        return alternates;
    }

    private static List<KeyValuePair<string, Template>> ReadLabels(YamlCursor m, MetricFamily? family, bool table)
    {
        var labels = new List<KeyValuePair<string, Template>>();
        var given = m.Child("labels");
        if (given is { } map)
        {
            foreach (var (name, value) in map.Entries())
            {
                if (family is not null && (!family.AllowsLabel(name) || name == "state"))
                {
                    value.Error($"{family.Name} has no label '{name}' (it has: {string.Join(", ", family.Labels.Where(l => l != "state"))})");
                    continue;
                }

                if (ReadTemplate(value, table) is { } t)
                {
                    labels.Add(new(name, t));
                }
            }
        }

        if (family is not null)
        {
            foreach (var required in family.Labels)
            {
                if (!OptionalLabels.Contains(required, StringComparer.Ordinal) && labels.All(l => l.Key != required))
                {
                    (given ?? m).Error($"{family.Name} needs label '{required}'");
                }
            }

            // Keep the family's label order so series print the same whatever order the file uses.
            labels.Sort((a, b) => IndexOf(family.Labels, a.Key).CompareTo(IndexOf(family.Labels, b.Key)));
        }

        return labels;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static Template? ReadTemplate(YamlCursor c, bool table)
    {
        var text = c.Text();
        if (text is null)
        {
            return null;
        }

        try
        {
            var t = Template.Parse(text);
            if (!table && (t.Columns.Any() || !t.IsLiteral && text.Contains("index", StringComparison.Ordinal)))
            {
                c.Error($"'{text}': a scalar has no row, so no index or columns");
                return null;
            }

            return t;
        }
        catch (FormatException e)
        {
            c.Error(e.Message);
            return null;
        }
    }

    private static RowCondition? ReadCondition(YamlCursor w, bool table)
    {
        w.OnlyKeys("value", "equals", "not_equals", "regex", "not_regex");
        var value = Required(w, "value") is { } v ? ReadTemplate(v, table) : null;
        Regex? Pattern(string key)
        {
            if (w.Child(key) is not { } p || p.Text() is not { } text)
            {
                return null;
            }

            try
            {
                return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                p.Error($"bad regular expression: {e.Message}");
                return null;
            }
        }

        var cond = new RowCondition
        {
            Value = value ?? Template.Parse(string.Empty),
            In = w.Child("equals")?.Items().Select(i => i.Text() ?? string.Empty).ToArray(),
            NotIn = w.Child("not_equals")?.Items().Select(i => i.Text() ?? string.Empty).ToArray(),
            Pattern = Pattern("regex"),
            NotPattern = Pattern("not_regex"),
        };
        if (cond.In is null && cond.NotIn is null && cond.Pattern is null && cond.NotPattern is null)
        {
            w.Error("a condition needs equals, not_equals, regex or not_regex");
        }

        return value is null ? null : cond;
    }

    private static Dictionary<string, string> ReadStates(YamlCursor? c, MetricFamily family)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c is not { } map)
        {
            return states;
        }

        foreach (var (raw, value) in map.Entries())
        {
            var state = value.Text();
            if (state is not null && !family.States.Contains(state, StringComparer.Ordinal))
            {
                value.Error($"'{state}' is not a state of {family.Name} ({string.Join(", ", family.States)})");
            }

            states[raw] = state ?? string.Empty;
        }

        return states;
    }

    private static ValueTransform ReadTransform(YamlCursor m, MetricFamily family, bool table)
    {
        Unit? unit = null;
        Template? unitTemplate = null;
        if (m.Child("unit") is { } u && u.Text() is { } unitText)
        {
            if (unitText.Contains('{', StringComparison.Ordinal))
            {
                unitTemplate = ReadTemplate(u, table);
            }
            else if (!UnitLibrary.TryGet(unitText, out unit))
            {
                u.Error($"unknown unit '{unitText}' (see UnitLibrary)");
            }
            else if (unit.BaseUnit.Length > 0 && unit.BaseUnit != family.Unit)
            {
                u.Error($"unit '{unitText}' converts to {unit.BaseUnit}, but {family.Name} is in {(family.Unit.Length == 0 ? "no unit" : family.Unit)}");
            }
        }

        Dictionary<string, string>? unitMap = null;
        if (m.Child("unit_map") is { } um)
        {
            unitMap = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (from, to) in um.Entries())
            {
                var target = to.Text() ?? string.Empty;
                // Entries for other quantities are allowed (one map shared by rows of several families);
                // a row whose unit does not fit its family is dropped and reported when mapped.
                if (!UnitLibrary.TryGet(target, out _))
                {
                    to.Error($"unknown unit '{target}'");
                }

                unitMap[from] = target;
            }
        }

        var mode = ScaleMode.Divide;
        if (m.Child("scale_mode") is { } sm && sm.Text() is { } modeText)
        {
            mode = modeText switch
            {
                "divide" => ScaleMode.Divide,
                "multiply" => ScaleMode.Multiply,
                "decimal_digits" => ScaleMode.DecimalDigits,
                "signed_factor" => ScaleMode.SignedFactor,
                "si_prefix" => ScaleMode.SiPrefix,
                _ => Fail(sm, $"'{modeText}' is not divide, multiply, decimal_digits, signed_factor or si_prefix"),
            };
        }

        Dictionary<string, double>? valueMap = null;
        if (m.Child("value_map") is { } vm)
        {
            valueMap = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (from, to) in vm.Entries())
            {
                valueMap[from] = to.Number() ?? double.NaN;
            }
        }

        var divide = m.Child("divide")?.Number() ?? 1;
        if (divide == 0)
        {
            m.Child("divide")!.Value.Error("divide by zero");
            divide = 1;
        }

        return new ValueTransform
        {
            Absent = m.Child("absent")?.Items().Select(i => i.Number()).OfType<double>().ToArray() ?? [],
            ValidMin = m.Child("valid_min")?.Number(),
            ValidMax = m.Child("valid_max")?.Number(),
            ValueMap = valueMap,
            Magnitude = m.Child("magnitude")?.Bool() ?? false,
            Multiply = m.Child("multiply")?.Number() ?? 1,
            Divide = divide,
            Offset = m.Child("offset")?.Number() ?? 0,
            Scale = m.Child("scale") is { } s ? ReadTemplate(s, table) : null,
            ScaleMode = mode,
            Unit = unit,
            UnitTemplate = unitTemplate,
            UnitMap = unitMap,
            BaseUnit = family.Unit,
        };
    }

    private static RowAggregate FailAggregate(YamlCursor c, string text)
    {
        c.Error($"'{text}' is not sum or max");
        return RowAggregate.None;
    }

    private static ScaleMode Fail(YamlCursor c, string message)
    {
        c.Error(message);
        return ScaleMode.Divide;
    }

    internal static string Invariant(double d) => d.ToString(CultureInfo.InvariantCulture);
}
