using System.IO.Compression;
using System.Net;
using System.Text;
using DcimAgent.Configuration;
using DcimAgent.Exposition;
using DcimAgent.Hosting;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.Tests.Exposition;

/// <summary>/metrics streamed through Kestrel: plain and gzip bodies carry the same device families.</summary>
public class MetricsEndpointStreamingTests
{
    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("identity;q=1, GZIP;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("deflate, br", false)]
    [InlineData("", false)]
    public void AcceptsGzip_AcceptEncodingHeader_HonoursCodingAndQuality(string header, bool expected) =>
        Assert.Equal(expected, MetricsEndpoint.AcceptsGzip(header));

    [Fact]
    public async Task Metrics_GzipAndPlainScrapesOf20kSeries_SameDeviceFamiliesAndGzipIsSmaller()
    {
        var port = FreePort.Tcp();
        var config = new AgentConfig();
        config.Agent.Listen = $"127.0.0.1:{port}";
        await using var app = AgentHost.Build(config, logOutput: TextWriter.Null);
        var store = app.Services.GetRequiredService<SeriesStore>();
        for (var d = 0; d < 500; d++)
        {
            var device = new DeviceIdentity($"pdu-{d:D4}", "pdu", new Dictionary<string, string> { ["site"] = "lab", ["rack"] = $"R{d % 40}" });
            for (var o = 1; o <= 40; o++)
            {
                store.Write(new Sample(MetricCatalog.PduOutletPower, device, LabelSet.Of(("outlet", $"{o}"), ("outlet_name", $"srv-{o}")), 100 + o + 0.5, 1000));
            }
        }

        await app.StartAsync();
        try
        {
            using var plainClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var plain = await plainClient.GetAsync("/metrics");
            var plainText = await plain.Content.ReadAsStringAsync();

            using var gzRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            gzRequest.Headers.AcceptEncoding.ParseAdd("gzip");
            var gz = await plainClient.SendAsync(gzRequest);
            var gzBytes = await gz.Content.ReadAsByteArrayAsync();
            await using var inflate = new GZipStream(new MemoryStream(gzBytes), CompressionMode.Decompress);
            using var reader = new StreamReader(inflate, Encoding.UTF8);
            var gzText = await reader.ReadToEndAsync();

            Assert.Equal(HttpStatusCode.OK, gz.StatusCode);
            Assert.Equal("gzip", Assert.Single(gz.Content.Headers.ContentEncoding));
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var devicePart = store.ToExpositionText();
            Assert.StartsWith(devicePart, plainText, StringComparison.Ordinal);
            Assert.StartsWith(devicePart, gzText, StringComparison.Ordinal);
            Assert.Contains("dcim_pdu_outlet_power_watts{device=\"pdu-0499\",device_class=\"pdu\",site=\"lab\",rack=\"R19\",outlet=\"9\",outlet_name=\"srv-9\"} 109.5\n", plainText, StringComparison.Ordinal);
            Assert.Contains("# TYPE dcim_agent_store_series gauge\ndcim_agent_store_series 20000\n", gzText, StringComparison.Ordinal);
            Assert.True(gzBytes.Length * 8 < Encoding.UTF8.GetByteCount(plainText), $"gzip {gzBytes.Length} B vs plain {plainText.Length} B");
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
