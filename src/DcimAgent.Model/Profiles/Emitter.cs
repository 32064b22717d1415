using DcimAgent.Model.Metrics;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>The part of <see cref="ProfileMapper"/> that checks, labels and writes one sample.</summary>
internal sealed class Emitter(
    DeviceIdentity device,
    long timestampMs,
    ICollection<Sample> output,
    MappingReport report,
    HashSet<(MetricFamily, LabelSet)> seen,
    HashSet<MetricFamily> families)
{
    private static readonly string[] InfoNames = ["vendor", "model", "serial", "firmware"];

    public void Info(Profile profile, PollData data)
    {
        var pairs = new List<KeyValuePair<string, string>>(6);
        foreach (var name in InfoNames)
        {
            var text = string.Empty;
            if (profile.Info.TryGetValue(name, out var field))
            {
                text = field.Literal ?? string.Empty;
                foreach (var oid in field.Oids)
                {
                    var v = data.Get(oid);
                    var t = v.IsException || v.Type == SnmpType.Null ? string.Empty : Template.Text(v);
                    if (t.Length > 0)
                    {
                        text = t;
                        break;
                    }
                }
            }

            pairs.Add(new(name, text));
        }

        pairs.Add(new("profile", profile.Name));
        pairs.Add(new("protocol", "snmp"));
        Write(new Sample(MetricCatalog.DeviceInfo, device, LabelSet.Of(pairs), 1, timestampMs));
    }

    public void Value(ProfileMetric metric, in SnmpValue raw, in RowContext row)
    {
        if (!Conditions(metric, row))
        {
            return;
        }

        if (raw.IsException)
        {
            report.Drop(ValueOutcome.NotReported, metric, row.IndexText);
            return;
        }

        var labels = Labels(metric, row);
        if (labels is null)
        {
            return;
        }

        if (metric.LabelsOnCollision.Count > 0 && seen.Contains((metric.Family, labels)))
        {
            labels = CollisionLabels(metric, labels, row);
        }

        if (metric.States is not null)
        {
            var key = Template.Text(raw);
            var state = metric.States.TryGetValue(key, out var s) ? s : metric.DefaultState;
            if (state is null)
            {
                report.Drop(ValueOutcome.Unmapped, metric, row.IndexText);
                return;
            }

            if (Claim(metric.Family, labels))
            {
                foreach (var sample in Sample.States(metric.Family, device, labels, state, timestampMs))
                {
                    output.Add(sample);
                    report.Samples++;
                }
            }

            return;
        }

        var outcome = metric.Transform.Apply(raw, row, out var value);
        if (outcome != ValueOutcome.Ok)
        {
            report.Drop(outcome, metric, row.IndexText);
            return;
        }

        var wrap = metric.Family.Type != MetricType.Counter ? CounterWrap.None : raw.Type switch
        {
            SnmpType.Counter32 => CounterWrap.Bits32,
            SnmpType.Counter64 => CounterWrap.Bits64,
            _ => CounterWrap.None,
        };
        // The store unwraps in base units: tell it what one raw count is worth.
        var wrapUnit = 1.0;
        if (wrap != CounterWrap.None && metric.Transform.Apply(SnmpValue.Counter64(1), row, out var one) == ValueOutcome.Ok && one > 0)
        {
            wrapUnit = one;
        }

        if (Claim(metric.Family, labels))
        {
            Write(new Sample(metric.Family, device, labels, value, timestampMs, wrap, wrapUnit));
        }
    }

    /// <summary>One series folding the metric over every row that passes its conditions.</summary>
    public void Aggregate(ProfileMetric metric, List<RowContext> rows)
    {
        var total = metric.Aggregate == RowAggregate.Max ? double.MinValue : 0;
        var any = false;
        foreach (var row in rows)
        {
            if (!row.Columns!.TryGetValue(metric.Column, out var raw) || raw.IsException || !Conditions(metric, row))
            {
                continue;
            }

            if (metric.Transform.Apply(raw, row, out var v) == ValueOutcome.Ok)
            {
                total = metric.Aggregate == RowAggregate.Max ? Math.Max(total, v) : total + v;
                any = true;
            }
        }

        var labels = any ? Labels(metric, RowContext.Scalar(rows.Count > 0 ? rows[0].Lookups : null)) : null;
        if (labels is not null && Claim(metric.Family, labels))
        {
            Write(new Sample(metric.Family, device, labels, total, timestampMs));
        }
    }

    private static bool Conditions(ProfileMetric metric, in RowContext row)
    {
        foreach (var c in metric.When)
        {
            if (!c.Holds(row))
            {
                return false;
            }
        }

        return true;
    }

    private LabelSet? Labels(ProfileMetric metric, in RowContext row)
    {
        if (metric.Labels.Count == 0)
        {
            return LabelSet.Empty;
        }

        var pairs = new (string, string)[metric.Labels.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            var (name, template) = metric.Labels[i];
            var text = template.Render(row);
            if (string.IsNullOrEmpty(text))
            {
                report.MissingLabels++;
                report.Note($"{metric.Where}: row '{row.IndexText}': label '{name}' ({template}) has no value");
                return null;
            }

            pairs[i] = (name, text);
        }

        return LabelSet.Of(pairs);
    }

    private static LabelSet CollisionLabels(ProfileMetric metric, LabelSet labels, in RowContext row)
    {
        foreach (var (name, template) in metric.LabelsOnCollision)
        {
            if (template.Render(row) is { Length: > 0 } alternate)
            {
                labels = labels.With(name, alternate);
            }
        }

        return labels;
    }

    private bool Claim(MetricFamily family, LabelSet labels)
    {
        if (!seen.Add((family, labels)))
        {
            report.Duplicates++;
            report.Note($"{family.Name}{{{labels}}} produced twice in one poll; the first value is kept");
            return false;
        }

        families.Add(family);
        return true;
    }

    private void Write(in Sample sample)
    {
        output.Add(sample);
        report.Samples++;
    }
}
