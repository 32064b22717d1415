using System.Text;

namespace DcimAgent.Model.Tests.Support;

/// <summary>
/// Finds the metric names a PromQL expression selects, without a full parser: label matchers, range and
/// subquery brackets, string literals, grouping label lists and numbers are skipped; an identifier followed
/// by "(" is a function or aggregation; what is left is a metric name. Good enough to check rules and
/// dashboards against the catalogue (the real parse is done by promtool and Prometheus). Also linked into
/// DcimAgent.Tests.
/// </summary>
public static class PromQlNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2",

        // Aggregation operators may be followed by `by (...)` before their parenthesis.
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
    };

    private static readonly HashSet<string> LabelListKeywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    public static IReadOnlySet<string> MetricNames(string expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < expr.Length)
        {
            var c = expr[i];
            if (c is '"' or '\'' or '`')
            {
                i = SkipString(expr, i);
            }
            else if (c == '{')
            {
                i = SkipTo(expr, i, '}');
            }
            else if (c == '[')
            {
                i = SkipTo(expr, i, ']');
            }
            else if (c == '#')
            {
                i = SkipTo(expr, i, '\n');
            }
            else if (c == '$')
            {
                // A dashboard variable outside a selector, e.g. topk($n, ...): not a metric.
                i = ReadIdentifier(expr, i + 1, out _);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < expr.Length && char.IsAsciiDigit(expr[i + 1])))
            {
                // 0.8, 1e3, 0x1f, 5m: a number or a duration.
                while (i < expr.Length && (char.IsAsciiLetterOrDigit(expr[i]) || expr[i] == '.' ||
                       ((expr[i] == '+' || expr[i] == '-') && (expr[i - 1] == 'e' || expr[i - 1] == 'E'))))
                {
                    i++;
                }
            }
            else if (IsIdentifierStart(c))
            {
                i = ReadIdentifier(expr, i, out var word);
                var next = SkipSpace(expr, i);
                var callsOrLists = next < expr.Length && expr[next] == '(';
                if (LabelListKeywords.Contains(word))
                {
                    i = callsOrLists ? SkipTo(expr, next, ')') : i;
                }
                else if (!callsOrLists && !Keywords.Contains(word))
                {
                    names.Add(word);
                }
            }
            else
            {
                i++;
            }
        }

        return names;
    }

    /// <summary>Grafana's <c>label_values(selector, label)</c> as the selector it queries.</summary>
    public static string TemplatingSelector(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Trim();
        const string fn = "label_values(";
        if (!q.StartsWith(fn, StringComparison.Ordinal) || !q.EndsWith(')'))
        {
            return q;
        }

        var inner = q[fn.Length..^1];
        var comma = inner.LastIndexOf(',');
        return comma < 0 ? inner.Trim() : inner[..comma].Trim();
    }

    /// <summary>Replaces Grafana template variables: intervals become 5m, every other variable matches anything.</summary>
    public static string SubstituteVariables(string expr, string interval = "5m")
    {
        ArgumentNullException.ThrowIfNull(expr);
        var sb = new StringBuilder(expr.Length);
        var i = 0;
        while (i < expr.Length)
        {
            if (expr[i] != '$')
            {
                sb.Append(expr[i++]);
                continue;
            }

            var braced = i + 1 < expr.Length && expr[i + 1] == '{';
            var end = ReadIdentifier(expr, i + (braced ? 2 : 1), out var name);
            if (braced)
            {
                // ${name} or ${name:format}: up to and including the closing brace.
                end = expr.IndexOf('}', end) + 1;
            }

            sb.Append(name switch
            {
                "__rate_interval" or "__interval" or "__range" or "interval" => interval,
                _ => ".*",
            });
            i = end;
        }

        return sb.ToString();
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or ':';

    private static int ReadIdentifier(string s, int i, out string word)
    {
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or ':'))
        {
            i++;
        }

        word = s[start..i];
        return i;
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipString(string s, int i)
    {
        var quote = s[i++];
        while (i < s.Length && s[i] != quote)
        {
            i += s[i] == '\\' && quote != '`' ? 2 : 1;
        }

        return i + 1;
    }

    private static int SkipTo(string s, int i, char close)
    {
        i++;
        while (i < s.Length && s[i] != close)
        {
            i = s[i] is '"' or '\'' or '`' ? SkipString(s, i) : i + 1;
        }

        return i + 1;
    }
}
