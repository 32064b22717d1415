using System.Globalization;
using System.Text.Json;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Payloads.Json;

/// <summary>
/// <c>format: json</c>: any JSON document, read through the subscription's mapping rules (a JSON path per family,
/// with unit, scale, fixed labels and a state map). A path that reaches nothing leaves its family absent; a path
/// that reaches a wrong type rejects the whole message.
/// </summary>
public sealed class JsonMappingFormat : PayloadMapper
{
    private readonly (MappingRule Rule, JsonPath Path, string? IndexLabel)[] _rules;
    private readonly List<(JsonElement, int)> _leaves = new(8);

    public JsonMappingFormat(PayloadMapperOptions options)
        : base(options)
    {
        if (options.Rules.Count == 0)
        {
            throw new ArgumentException($"subscription '{options.Subscription}': format json needs at least one mapping");
        }

        _rules = new (MappingRule, JsonPath, string?)[options.Rules.Count];
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            JsonPath path;
            try
            {
                path = JsonPath.Parse(rule.Path);
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"subscription '{options.Subscription}' mappings[{i}]: {e.Message}", e);
            }

            string? indexLabel = null;
            if (path.HasWildcard)
            {
                indexLabel = rule.IndexLabel
                    ?? (rule.Family.AllowsLabel("accelerator") ? "accelerator" : null)
                    ?? throw new ArgumentException($"subscription '{options.Subscription}' mappings[{i}]: path '{rule.Path}' has [*], so it needs index_label (one of {string.Join(", ", rule.Family.Labels)})");
            }

            _rules[i] = (rule, path, indexLabel);
        }
    }

    public override string Format => "json";

    public override string DefaultDeviceClass => "sensor_hub";

    protected override string NothingMappedReason => "no mapping rule matched anything in the payload";

    protected override void MapCore(in PayloadMessage message, SampleBatch batch)
    {
        using var doc = ParseJson(message.Payload);
        var device = batch.Device(null, DefaultDeviceClass);
        foreach (var (rule, path, indexLabel) in _rules)
        {
            path.Select(doc.RootElement, _leaves);
            foreach (var (leaf, index) in _leaves)
            {
                var labels = rule.Labels;
                var where = rule.Path;
                if (index >= 0)
                {
                    var idx = index.ToString(CultureInfo.InvariantCulture);
                    labels = labels.With(indexLabel!, idx);
                    where = $"{rule.Path} (element {idx})";
                }

                if (rule.Family.Type == MetricType.StateSet)
                {
                    var state = JsonScalar.State(leaf, rule.Family, rule.States, where);
                    if (state is not null)
                    {
                        batch.AddState(rule.Family, device, labels, state, where);
                    }

                    continue;
                }

                var raw = JsonScalar.Number(leaf, where, rule.States);
                if (raw is { } v)
                {
                    batch.Add(rule.Family, device, labels, rule.ToBase(v), where);
                }
            }
        }
    }
}
