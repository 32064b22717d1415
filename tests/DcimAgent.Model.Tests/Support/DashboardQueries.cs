using System.Text.Json;

namespace DcimAgent.Model.Tests.Support;

/// <summary>
/// Every query of grafana/dashboards/*.json: panel target expressions (rows' nested panels included) and
/// the templating queries of query variables. Also linked into DcimAgent.Tests for the live query test.
/// </summary>
public static class DashboardQueries
{
    public sealed record Query(string Dashboard, string Where, string Expr, bool IsTemplating);

    public static string Folder(string repoRoot) => Path.Combine(repoRoot, "grafana", "dashboards");

    public static IReadOnlyList<string> Files(string repoRoot) =>
        [.. Directory.GetFiles(Folder(repoRoot), "*.json").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<Query> All(string repoRoot)
    {
        var queries = new List<Query>();
        foreach (var file in Files(repoRoot))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var name = Path.GetFileName(file);
            foreach (var panel in Panels(doc.RootElement))
            {
                if (!panel.TryGetProperty("targets", out var targets))
                {
                    continue;
                }

                foreach (var t in targets.EnumerateArray())
                {
                    var title = panel.GetProperty("title").GetString();
                    queries.Add(new Query(name, $"panel '{title}' ref {t.GetProperty("refId").GetString()}",
                        t.GetProperty("expr").GetString()!, IsTemplating: false));
                }
            }

            foreach (var v in doc.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
            {
                if (v.GetProperty("type").GetString() != "query")
                {
                    continue;
                }

                var q = v.GetProperty("query");
                var text = q.ValueKind == JsonValueKind.String ? q.GetString()! : q.GetProperty("query").GetString()!;
                queries.Add(new Query(name, $"variable '{v.GetProperty("name").GetString()}'", text, IsTemplating: true));
            }
        }

        return queries;
    }

    /// <summary>Top-level panels and the panels nested in collapsed rows.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard)
    {
        foreach (var p in dashboard.GetProperty("panels").EnumerateArray())
        {
            yield return p;
            if (p.TryGetProperty("panels", out var nested))
            {
                foreach (var n in nested.EnumerateArray())
                {
                    yield return n;
                }
            }
        }
    }

    /// <summary>The PromQL a query runs once variables are substituted (label_values(sel, l) queries sel).</summary>
    public static string Runnable(Query q) =>
        PromQlNames.SubstituteVariables(q.IsTemplating ? PromQlNames.TemplatingSelector(q.Expr) : q.Expr);
}
