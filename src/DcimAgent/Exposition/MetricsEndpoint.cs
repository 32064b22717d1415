using System.Diagnostics;
using System.IO.Compression;
using DcimAgent.Model.Store;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace DcimAgent.Exposition;

/// <summary>
/// GET /metrics: device families from the series store, then the agent's own metrics from prometheus-net.
/// Prometheus text 0.0.4 by default; OpenMetrics 1.0 when the scraper asks for it in Accept.
/// A scrape never waits for a device: it only reads the store.
/// The response is streamed (chunked) rather than buffered: at 1M series a buffered body is ~200 MB held per
/// scrape. It is gzip-compressed when the scraper accepts gzip (Prometheus and VictoriaMetrics always do),
/// at the fastest level: exposition text compresses ~10× even there, and a scrape must stay cheap on CPU.
/// </summary>
public static class MetricsEndpoint
{
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, SeriesStore store, AgentMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        var openMetrics = context.Request.Headers.Accept.ToString().Contains("application/openmetrics-text", StringComparison.OrdinalIgnoreCase);
        var gzip = AcceptsGzip(context.Request.Headers.AcceptEncoding.ToString());
        context.Response.ContentType = openMetrics ? OpenMetricsContentType : PrometheusContentType;
        metrics.StoreSeries.Set(store.SeriesCount);
        metrics.StoreRejected.Set(store.Rejected);

        var body = context.Response.Body;
        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.Headers.Vary = "Accept-Encoding";
            body = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true);
        }

        try
        {
            await store.WriteExpositionAsync(body, openMetrics ? Model.Store.ExpositionFormat.OpenMetrics : Model.Store.ExpositionFormat.Prometheus,
                cancellationToken: context.RequestAborted);
            metrics.ScrapeDuration.Set(Stopwatch.GetElapsedTime(started).TotalSeconds);
            await metrics.Registry.CollectAndExportAsTextAsync(body,
                openMetrics ? Prometheus.ExpositionFormat.OpenMetricsText : Prometheus.ExpositionFormat.PrometheusText, context.RequestAborted);
        }
        finally
        {
            if (gzip)
            {
                // Writes the deflate trailer through async writes (Kestrel forbids synchronous ones).
                await body.DisposeAsync();
            }
        }
    }

    /// <summary>True when Accept-Encoding lists gzip with a non-zero quality (RFC 9110 §12.5.3).</summary>
    public static bool AcceptsGzip(string acceptEncoding)
    {
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var semi = part.IndexOf(';', StringComparison.Ordinal);
            var coding = (semi < 0 ? part : part[..semi]).Trim();
            if (!coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding != "*")
            {
                continue;
            }

            if (semi < 0)
            {
                return true;
            }

            var param = part[(semi + 1)..].Trim();
            if (param.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(param[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return q > 0;
            }

            return true;
        }

        return false;
    }
}
