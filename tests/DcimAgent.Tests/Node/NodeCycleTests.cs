using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Node;
using DcimAgent.Node.Nvml;
using Microsoft.Extensions.Time.Testing;

namespace DcimAgent.Tests.Node;

public sealed class NodeCycleTests
{
    private static readonly DeviceIdentity Host = new("gpu-node-01", "accelerator_host");

    private sealed class ListPublisher : IDcimJsonPublisher
    {
        public List<DcimJsonDocument> Documents { get; } = [];

        public Task<bool> PublishAsync(DcimJsonDocument document, CancellationToken ct)
        {
            Documents.Add(document);
            return Task.FromResult(true);
        }
    }

    [Fact]
    public async Task RunOnce_ReplayedSeries_WritesFamiliesHealthAndPublishes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000));
        var store = new SeriesStore();
        var publisher = new ListPublisher();
        var replay = new ReplayCollector(NodeFixtures.H100("nvml-series.jsonl"), CaptureFormat.NvmlJsonl);
        var cycle = new NodeCycle(replay, Host, store, publisher, time);

        Assert.True(await cycle.RunOnceAsync(CancellationToken.None));

        var board = LabelSet.Of(("accelerator", "0"));
        Assert.True(store.TryGet(MetricCatalog.AcceleratorPower, Host, board, out var watts));
        Assert.Equal(111.944, watts);
        Assert.True(store.TryGet(MetricCatalog.DeviceUp, Host, LabelSet.Empty, out var up));
        Assert.Equal(1, up);
        Assert.True(store.TryGet(MetricCatalog.DeviceLastSuccess, Host, LabelSet.Empty, out var last));
        Assert.Equal(1_900_000_000, last);
        var doc = Assert.Single(publisher.Documents);
        Assert.Equal("gpu-node-01", doc.Host);
        Assert.Equal(1_900_000_000_000, doc.TimeMs);
        Assert.Equal(2216.797, doc.Boards[0].Energy);
        Assert.Equal(TimeSpan.FromMilliseconds(554), replay.NextDelay);
        Assert.Equal(73, replay.FrameCount);
    }

    [Fact]
    public async Task RunOnce_NpuSmiCaptureTwice_IntegratesEnergyFromPower()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000));
        var store = new SeriesStore();
        var cycle = new NodeCycle(new ReplayCollector(NodeFixtures.Ascend("npu-smi-info_310x1_23.0.0_hpckurt-readme.txt"), CaptureFormat.NpuSmi), Host, store, null, time);

        await cycle.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        await cycle.RunOnceAsync(CancellationToken.None);

        Assert.True(store.TryGet(MetricCatalog.AcceleratorEnergy, Host, LabelSet.Of(("accelerator", "0")), out var joules));
        Assert.Equal(128, joules, 9); // 12.8 W × 10 s
    }

    [Fact]
    public async Task RunOnce_MissingCapture_CountsErrorAndMarksDown()
    {
        var store = new SeriesStore();
        var cycle = new NodeCycle(new ReplayCollector("/nonexistent/capture.jsonl", CaptureFormat.NvmlJsonl), Host, store, null, TimeProvider.System);

        Assert.False(await cycle.RunOnceAsync(CancellationToken.None));
        Assert.False(await cycle.RunOnceAsync(CancellationToken.None));

        Assert.True(store.TryGet(MetricCatalog.DeviceUp, Host, LabelSet.Empty, out var up));
        Assert.Equal(0, up);
        Assert.True(store.TryGet(MetricCatalog.PollErrors, Host, LabelSet.Of(("reason", "other")), out var errors));
        Assert.Equal(2, errors);
    }

    [Fact]
    public async Task RunOnce_MalformedCapture_IsADecodeErrorNamingTheLine()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "index, uuid\n0, GPU-1, surplus\n");
        var collector = new ReplayCollector(path, CaptureFormat.NvidiaSmiCsv);

        var e = await Assert.ThrowsAsync<CollectorException>(() => collector.CollectAsync(CancellationToken.None));

        Assert.Equal("decode", e.Reason);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        var cycle = new NodeCycle(collector, Host, new SeriesStore(), null, TimeProvider.System);
        Assert.False(await cycle.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, cycle.Errors["decode"]);
    }

    [Fact]
    public async Task NvmlCollect_LibraryMissing_ClearErrorNotACrash()
    {
        using var nvml = new NvmlCollector("/nonexistent/libnvidia-ml.so.1");

        var e = await Assert.ThrowsAsync<CollectorException>(() => nvml.CollectAsync(CancellationToken.None));

        Assert.Equal("other", e.Reason);
        Assert.Contains("cannot load /nonexistent/libnvidia-ml.so.1", e.Message, StringComparison.Ordinal);
        Assert.Contains("NVML library is not installed", e.Message, StringComparison.Ordinal);
    }
}
