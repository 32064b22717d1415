using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Store;

/// <summary>The streamed exposition (what /metrics uses) and the incrementally maintained exposition order.</summary>
public class SeriesStoreStreamingTests
{
    private static DeviceIdentity Pdu(int i) => new($"pdu-{i:D4}", "pdu",
        new Dictionary<string, string> { ["site"] = "dc1", ["rack"] = $"R{i % 7}", ["feed"] = i % 2 == 0 ? "A" : "B" });

    private static void WriteOutlets(SeriesStore store, int device, int outlets, double value = 100.5)
    {
        for (var o = 1; o <= outlets; o++)
        {
            store.Write(new Sample(MetricCatalog.PduOutletPower, Pdu(device), LabelSet.Of(("outlet", $"{o}"), ("outlet_name", $"srv-{device}-{o}")), value + o, 1000));
        }

        store.Write(new Sample(MetricCatalog.DeviceUp, Pdu(device), LabelSet.Empty, 1, 1000));
    }

    private static async Task<string> StreamedAsync(SeriesStore store, ExpositionFormat format = ExpositionFormat.Prometheus)
    {
        using var ms = new AsyncOnlyStream();
        await store.WriteExpositionAsync(ms, format);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public async Task WriteExpositionAsync_ThousandsOfSeries_SameBytesAsSyncWriterInChunks()
    {
        var store = new SeriesStore();
        for (var d = 0; d < 200; d++)
        {
            WriteOutlets(store, d, 24);
        }

        using var ms = new AsyncOnlyStream();
        await store.WriteExpositionAsync(ms, ExpositionFormat.OpenMetrics);

        Assert.Equal(store.ToExpositionText(ExpositionFormat.OpenMetrics), Encoding.UTF8.GetString(ms.ToArray()));
        Assert.Equal(5000, store.SeriesCount);
        // ~ 5000 lines of ~150 bytes, drained every 48 KiB: many async writes, none synchronous.
        Assert.InRange(ms.AsyncWrites, 10, 40);
    }

    [Fact]
    public async Task WriteExpositionAsync_LineLongerThanTheBuffer_GrowsInsteadOfWritingSynchronously()
    {
        var store = new SeriesStore();
        var name = new string('x', 70_000);
        store.Write(new Sample(MetricCatalog.PduOutletPower, Pdu(1), LabelSet.Of(("outlet", "1"), ("outlet_name", name)), 7, 1000));

        var text = await StreamedAsync(store);

        Assert.Contains($"outlet_name=\"{name}\"}} 7\n", text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => store.ToExpositionText());
    }

    [Fact]
    public async Task Exposition_AfterAddsAndRemovalsBetweenScrapes_OrderEqualsAFreshStore()
    {
        var store = new SeriesStore();
        foreach (var d in new[] { 10, 30, 50, 70 })
        {
            WriteOutlets(store, d, 3);
        }

        _ = store.ToExpositionText(); // builds and caches the order
        WriteOutlets(store, 20, 3);   // between existing devices
        WriteOutlets(store, 90, 3);   // after all
        WriteOutlets(store, 5, 3);    // before all
        Assert.Equal(4, store.RemoveDevice("pdu-0050")); // 3 outlets + dcim_device_up
        WriteOutlets(store, 60, 3);
        Assert.Equal(4, store.RemoveDevice("pdu-0060")); // added and removed since the last scrape
        WriteOutlets(store, 50, 3, 200);  // back, as new series objects

        var fresh = new SeriesStore();
        foreach (var d in new[] { 5, 10, 20, 30, 70, 90 })
        {
            WriteOutlets(fresh, d, 3);
        }

        WriteOutlets(fresh, 50, 3, 200);
        Assert.Equal(fresh.ToExpositionText(), await StreamedAsync(store));
        Assert.Equal(fresh.ToExpositionText(), store.ToExpositionText());
        Assert.Equal(28, store.SeriesCount);
    }

    [Fact]
    public async Task WriteExpositionAsync_CollectorWritesDuringScrape_NotBlockedByTheScrape()
    {
        var store = new SeriesStore();
        for (var d = 0; d < 100; d++)
        {
            WriteOutlets(store, d, 24);
        }

        var gate = new GatedStream();
        var scrape = store.WriteExpositionAsync(gate, ExpositionFormat.Prometheus);
        await gate.FirstWrite.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The scrape is parked inside its first write of the family; a writer to that family must not wait for it.
        var write = Task.Run(() => store.Write(new Sample(MetricCatalog.PduOutletPower, Pdu(3), LabelSet.Of(("outlet", "1"), ("outlet_name", "srv-3-1")), 999, 2000)));
        Assert.True(await write.WaitAsync(TimeSpan.FromSeconds(10)));
        gate.Release.SetResult();
        await scrape.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(store.TryGet(MetricCatalog.PduOutletPower, Pdu(3), LabelSet.Of(("outlet", "1"), ("outlet_name", "srv-3-1")), out var v));
        Assert.Equal(999, v);
    }

    /// <summary>A memory stream that fails synchronous writes, like Kestrel's response body.</summary>
    private sealed class AsyncOnlyStream : MemoryStream
    {
        public int AsyncWrites { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("synchronous write");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            AsyncWrites++;
            base.Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Holds the first async write until released, to catch a scrape that keeps a lock while writing.</summary>
    private sealed class GatedStream : MemoryStream
    {
        public TaskCompletionSource FirstWrite { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            FirstWrite.TrySetResult();
            await Release.Task;
            base.Write(buffer.Span);
        }
    }
}
