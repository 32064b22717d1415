using System.Collections.Concurrent;
using System.Text;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>
/// The latest value of every series, fed by all collectors and read by the exposition and the roll-ups.
/// Counters are unwrapped so they never go backwards; device series expire after the staleness window
/// (health families excepted, so a dead device keeps <c>dcim_device_up 0</c>).
/// Thread-safe: one lock per family, so collectors writing different families never contend.
/// </summary>
public sealed class SeriesStore : ISampleSink
{
    private readonly ConcurrentDictionary<MetricFamily, FamilySeries> _families = new();
    private readonly Lock _growLock = new();

    // The same buckets indexed by MetricFamily.Ordinal: the write path's lookup is an array read instead of a
    // concurrent-dictionary probe (ten or so per MQTT message). Replaced, never mutated in place, once filled in.
    private FamilySeries?[] _byOrdinal = new FamilySeries?[128];
    private long _rejected;

    /// <summary>Samples refused because their value was NaN, infinite, or negative for a counter.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public int SeriesCount
    {
        get
        {
            var n = 0;
            foreach (var f in _families.Values)
            {
                n += f.Count;
            }

            return n;
        }
    }

    public bool Write(in Sample sample) => Write(sample, deviceRestarted: false);

    /// <summary>Writes a sample; <paramref name="deviceRestarted"/> tells counters that any drop is a reset.</summary>
    public bool Write(in Sample sample, bool deviceRestarted)
    {
        var value = sample.Value;
        if (!double.IsFinite(value) || (sample.Family.Type == MetricType.Counter && value < 0))
        {
            Interlocked.Increment(ref _rejected);
            return false;
        }

        foreach (var label in sample.Labels.Pairs)
        {
            if (!sample.Family.AllowsLabel(label.Key))
            {
                Interlocked.Increment(ref _rejected);
                return false;
            }
        }

        Bucket(sample.Family).Write(sample, deviceRestarted);
        return true;
    }

    private FamilySeries Bucket(MetricFamily family)
    {
        var table = Volatile.Read(ref _byOrdinal);
        var ordinal = family.Ordinal;
        if ((uint)ordinal < (uint)table.Length && table[ordinal] is { } known)
        {
            return known;
        }

        var bucket = _families.GetOrAdd(family, static f => new FamilySeries(f));
        lock (_growLock)
        {
            table = _byOrdinal;
            var grown = new FamilySeries?[Math.Max(table.Length, ordinal + 1 + (ordinal / 2))];
            table.CopyTo(grown, 0);
            grown[ordinal] = bucket;
            Volatile.Write(ref _byOrdinal, grown);
        }

        return bucket;
    }

    /// <summary>Removes every series of the device (it left the config).</summary>
    public int RemoveDevice(string device)
    {
        var removed = 0;
        foreach (var f in _families.Values)
        {
            removed += f.RemoveDevice(device);
        }

        return removed;
    }

    /// <summary>Removes one family's series of a device (e.g. the old states after a state set changed shape).</summary>
    public int RemoveSeries(MetricFamily family, Func<SeriesSnapshot, bool> predicate) =>
        _families.TryGetValue(family, out var f)
            ? f.RemoveWhere(s => predicate(new SeriesSnapshot(s.Family, s.Device, s.Labels, s.Value, s.UpdatedMs)))
            : 0;

    /// <summary>Drops series not written for longer than <paramref name="staleAfterMs"/>.</summary>
    public int ExpireStale(long nowMs, long staleAfterMs)
    {
        var cutoff = nowMs - staleAfterMs;
        var removed = 0;
        foreach (var f in _families.Values)
        {
            if (!f.Family.NeverStale)
            {
                removed += f.RemoveWhere(s => s.UpdatedMs < cutoff);
            }
        }

        return removed;
    }

    public bool TryGet(MetricFamily family, DeviceIdentity? device, LabelSet labels, out double value)
    {
        value = 0;
        return _families.TryGetValue(family, out var f) && f.TryGet(device, labels, out value);
    }

    /// <summary>Every series of a family (a copy; safe to enumerate while collectors write).</summary>
    public IReadOnlyList<SeriesSnapshot> Snapshot(MetricFamily family) =>
        _families.TryGetValue(family, out var f) ? f.Snapshot() : [];

    /// <summary>Families that currently hold series, ordered by name (exposition order).</summary>
    public IReadOnlyList<MetricFamily> Families()
    {
        var list = new List<MetricFamily>(_families.Count);
        foreach (var f in _families.Values)
        {
            if (f.Count > 0)
            {
                list.Add(f.Family);
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }

    /// <summary>Writes the exposition of every family, in name order, to <paramref name="output"/>.</summary>
    public void WriteExposition(Stream output, ExpositionFormat format, Func<MetricFamily, bool>? include = null)
    {
        var writer = new Exposition.ExpositionWriter(output, format);
        foreach (var family in Families())
        {
            if (include is not null && !include(family))
            {
                continue;
            }

            _families[family].WriteTo(writer);
        }

        writer.Flush();
    }

    /// <summary>
    /// Writes the exposition like <see cref="WriteExposition"/> but only with asynchronous writes, in chunks of
    /// about <see cref="Exposition.ExpositionWriter.DrainThreshold"/> bytes, so a server can stream it without
    /// buffering the whole response. No family lock is held while writing: each family's sorted series array is
    /// taken under its lock and its values are read lock-free (aligned 64-bit reads are atomic), so a slow scraper
    /// never stalls collectors. The stream is not flushed or closed.
    /// </summary>
    public async Task WriteExpositionAsync(Stream output, ExpositionFormat format, Func<MetricFamily, bool>? include = null,
        CancellationToken cancellationToken = default)
    {
        var writer = new Exposition.ExpositionWriter(output, format, asyncOnly: true);
        foreach (var family in Families())
        {
            if (include is not null && !include(family))
            {
                continue;
            }

            var series = _families[family].SortedView();
            if (series.Length == 0)
            {
                continue;
            }

            writer.WriteHeader(family);
            foreach (var s in series)
            {
                writer.WriteSeries(s.Line, Volatile.Read(ref s.Value));
                if (writer.Buffered >= Exposition.ExpositionWriter.DrainThreshold)
                {
                    await writer.DrainAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await writer.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exposition as a string (tests, <c>probe</c>).</summary>
    public string ToExpositionText(ExpositionFormat format = ExpositionFormat.Prometheus, Func<MetricFamily, bool>? include = null)
    {
        using var ms = new MemoryStream();
        WriteExposition(ms, format, include);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
