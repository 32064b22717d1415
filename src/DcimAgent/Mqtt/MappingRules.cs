using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads;

namespace DcimAgent.Mqtt;

/// <summary>Builds validated <see cref="MappingRule"/>s from the config, with errors naming the config path.</summary>
public static class MappingRules
{
    public static IReadOnlyList<MappingRule> Build(IReadOnlyList<JsonMappingConfig> mappings, string where)
    {
        var rules = new List<MappingRule>(mappings.Count);
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            var at = $"{where}.mappings[{i}]";
            if (string.IsNullOrEmpty(m.Path))
            {
                throw new ArgumentException($"{at}.path is required");
            }

            try
            {
                rules.Add(new MappingRule(m.Path, Family(m.Family, at), m.Unit, m.Scale, m.IndexLabel, m.Labels, m.States));
            }
            catch (ArgumentException e) when (!e.Message.StartsWith(at, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{at}: {e.Message}", e);
            }
        }

        return rules;
    }

    /// <summary>The rule of a <c>value</c> subscription: its <c>family</c> and <c>unit</c>.</summary>
    public static MappingRule BuildValueRule(MqttSubscriptionConfig config, string where)
    {
        if (string.IsNullOrEmpty(config.Family))
        {
            throw new ArgumentException($"{where}.family is required for format value");
        }

        try
        {
            return new MappingRule("value", Family(config.Family, where + ".family"), config.Unit);
        }
        catch (ArgumentException e) when (!e.Message.StartsWith(where, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{where}: {e.Message}", e);
        }
    }

    private static MetricFamily Family(string name, string where) =>
        MetricCatalog.TryGet(name, out var family) && family.Scope == FamilyScope.Device
            ? family
            : throw new ArgumentException($"{where}: '{name}' is not a device family of spec/metrics.md");
}
