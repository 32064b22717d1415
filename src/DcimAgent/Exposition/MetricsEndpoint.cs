using System.Diagnostics;
using DcimAgent.Model.Store;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace DcimAgent.Exposition;

/// <summary>
/// GET /metrics: device families from the series store, then the agent's own metrics from prometheus-net.
/// Prometheus text 0.0.4 by default; OpenMetrics 1.0 when the scraper asks for it in Accept.
/// A scrape never waits for a device: it only reads the store.
/// </summary>
public static class MetricsEndpoint
{
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, SeriesStore store, AgentMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        var openMetrics = context.Request.Headers.Accept.ToString().Contains("application/openmetrics-text", StringComparison.OrdinalIgnoreCase);
        context.Response.ContentType = openMetrics ? OpenMetricsContentType : PrometheusContentType;
        metrics.StoreSeries.Set(store.SeriesCount);
        metrics.StoreRejected.Set(store.Rejected);

        // The store writes synchronously into a buffer; Kestrel forbids sync I/O on the response body.
        await using var buffer = new MemoryStream(64 * 1024);
        store.WriteExposition(buffer, openMetrics ? Model.Store.ExpositionFormat.OpenMetrics : Model.Store.ExpositionFormat.Prometheus);
        metrics.ScrapeDuration.Set(Stopwatch.GetElapsedTime(started).TotalSeconds);
        await metrics.Registry.CollectAndExportAsTextAsync(buffer,
            openMetrics ? Prometheus.ExpositionFormat.OpenMetricsText : Prometheus.ExpositionFormat.PrometheusText, context.RequestAborted);
        buffer.Position = 0;
        context.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
