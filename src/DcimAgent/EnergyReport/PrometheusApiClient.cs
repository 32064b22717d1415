using System.Globalization;
using System.Text.Json;

namespace DcimAgent.EnergyReport;

/// <summary>
/// The two calls of the Prometheus HTTP API the report needs (instant and range queries), against any
/// Prometheus-compatible server (Prometheus, VictoriaMetrics, Thanos, Mimir). Queries go as POST form bodies,
/// so long selectors never hit a URL length limit.
/// </summary>
public sealed class PrometheusApiClient
{
    private readonly HttpClient _http;
    private readonly Uri _base;

    public PrometheusApiClient(HttpClient http, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        _http = http;
        _base = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    /// <summary>One series of a result: its labels and its (time, value) points.</summary>
    public sealed record Series(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(DateTimeOffset Time, double Value)> Points);

    public Task<IReadOnlyList<Series>> QueryAsync(string promql, DateTimeOffset at, CancellationToken ct) =>
        SendAsync("api/v1/query", promql, [new("time", Unix(at))], ct);

    public Task<IReadOnlyList<Series>> QueryRangeAsync(string promql, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken ct) =>
        SendAsync("api/v1/query_range", promql,
            [new("start", Unix(start)), new("end", Unix(end)), new("step", step.TotalSeconds.ToString(CultureInfo.InvariantCulture))], ct);

    private async Task<IReadOnlyList<Series>> SendAsync(string path, string promql, KeyValuePair<string, string>[] args, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new("query", promql), .. args]);
        using var response = await _http.PostAsync(new Uri(_base, path), form, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new EnergyReportException($"{_base}{path} answered HTTP {(int)response.StatusCode} without Prometheus JSON (query: {promql})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no error text";
                throw new EnergyReportException($"{_base}{path} refused the query (HTTP {(int)response.StatusCode}: {error}); query: {promql}");
            }

            try
            {
                return Parse(root.GetProperty("data"));
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException)
            {
                throw new EnergyReportException($"{_base}{path} answered JSON that is not a Prometheus query result ({ex.Message}); query: {promql}", ex);
            }
        }
    }

    private static List<Series> Parse(JsonElement data)
    {
        var list = new List<Series>();
        foreach (var item in data.GetProperty("result").EnumerateArray())
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in item.GetProperty("metric").EnumerateObject())
            {
                labels[p.Name] = p.Value.GetString() ?? string.Empty;
            }

            var points = new List<(DateTimeOffset, double)>();
            if (item.TryGetProperty("value", out var v))
            {
                points.Add(Point(v));
            }
            else
            {
                foreach (var pv in item.GetProperty("values").EnumerateArray())
                {
                    points.Add(Point(pv));
                }
            }

            list.Add(new Series(labels, points));
        }

        return list;
    }

    private static (DateTimeOffset, double) Point(JsonElement pair)
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(pair[0].GetDouble() * 1000));
        var s = pair[1].GetString();
        var value = s switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return (t, value);
    }

    private static string Unix(DateTimeOffset t) =>
        (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
