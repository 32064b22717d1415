using DcimAgent.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DcimAgent.Tests.Rules;

/// <summary>
/// Reads config/alerts/*.yml (rules) and config/alerts/tests/*.test.yml (promtool unit tests) with
/// YamlDotNet's representation model, so anchors/aliases resolve exactly as Prometheus reads them.
/// </summary>
public static class RuleFiles
{
    public static string AlertsDir => RepoPaths.RepoFile("config", "alerts");

    public static string TestsDir => Path.Combine(AlertsDir, "tests");

    public static IReadOnlyList<string> RuleFilePaths =>
        [.. Directory.GetFiles(AlertsDir, "*.yml").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> TestFilePaths =>
        [.. Directory.GetFiles(TestsDir, "*.test.yml").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<AlertRule> AlertRules() =>
        [.. RuleFilePaths.SelectMany(f => Rules(f).Where(r => r.ContainsKey("alert")).Select(r => ToAlert(f, r)))];

    /// <summary>Every `record:` name of config/alerts (ours and the facility roll-ups' recording rules).</summary>
    public static IReadOnlySet<string> RecordedNames() =>
        RuleFilePaths.SelectMany(f => Rules(f)).Where(r => r.ContainsKey("record")).Select(r => Scalar(r["record"]))
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> AllExpressions() =>
        [.. RuleFilePaths.SelectMany(f => Rules(f)).Select(r => Scalar(r["expr"]))];

    /// <summary>(alertname, eval_time, expected alerts' labels) for every alert_rule_test case of every test file.</summary>
    public static IReadOnlyList<AlertTestCase> TestCases()
    {
        var cases = new List<AlertTestCase>();
        foreach (var file in TestFilePaths)
        {
            var root = Load(file);
            foreach (var test in Seq(root, "tests"))
            {
                foreach (var c in Seq(test, "alert_rule_test"))
                {
                    var expected = Seq(c, "exp_alerts")
                        .Select(a => (IReadOnlyDictionary<string, string>)Map(a, "exp_labels")
                            .ToDictionary(kv => kv.Key, kv => Scalar(kv.Value), StringComparer.Ordinal))
                        .ToList();
                    cases.Add(new AlertTestCase(Path.GetFileName(file), Scalar(((YamlMappingNode)c)["alertname"]),
                        Scalar(((YamlMappingNode)c)["eval_time"]), expected));
                }
            }
        }

        return cases;
    }

    private static AlertRule ToAlert(string file, Dictionary<string, YamlNode> r) => new(
        Path.GetFileName(file),
        Scalar(r["alert"]),
        Scalar(r["expr"]),
        r.TryGetValue("for", out var f) ? Scalar(f) : null,
        StringMap(r, "labels"),
        StringMap(r, "annotations"));

    private static IEnumerable<Dictionary<string, YamlNode>> Rules(string file) =>
        Seq(Load(file), "groups").SelectMany(g => Seq(g, "rules"))
            .Select(r => ((YamlMappingNode)r).Children.ToDictionary(kv => Scalar(kv.Key), kv => kv.Value, StringComparer.Ordinal));

    private static YamlNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlNode> Seq(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode s
            ? s.Children
            : [];

    private static IEnumerable<KeyValuePair<string, YamlNode>> Map(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlMappingNode mm
            ? mm.Children.Select(kv => new KeyValuePair<string, YamlNode>(Scalar(kv.Key), kv.Value))
            : [];

    private static Dictionary<string, string> StringMap(Dictionary<string, YamlNode> r, string key) =>
        r.TryGetValue(key, out var n) && n is YamlMappingNode m
            ? m.Children.ToDictionary(kv => Scalar(kv.Key), kv => Scalar(kv.Value), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static string Scalar(YamlNode n) =>
        n is YamlScalarNode s ? s.Value ?? string.Empty : throw new InvalidOperationException($"expected a scalar at {n.Start}");
}

/// <summary>One `alert_rule_test` entry of a promtool test file.</summary>
public sealed record AlertTestCase(string File, string AlertName, string EvalTime, IReadOnlyList<IReadOnlyDictionary<string, string>> ExpectedLabels);
