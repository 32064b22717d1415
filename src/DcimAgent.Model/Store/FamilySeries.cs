using DcimAgent.Model.Exposition;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>
/// All series of one family, under one lock, with a sorted view cached for the exposition.
/// Series are keyed by their formatted label text, but writers mostly repeat the same device and label objects,
/// so a second index by (device, labels) value finds the series without formatting that text on every write
/// (device hashes are cached, label sets are small). It holds at most one entry per distinct pair whose series
/// exists, and is pruned with the series.
/// The exposition order is kept up to date incrementally: series added since it was built are sorted on their
/// own and merged in, removed ones are filtered out — O(n) per change instead of re-sorting a family of 500k
/// series when one device comes back.
/// </summary>
internal sealed class FamilySeries
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<SeriesIdentity, Series> _byIdentity = [];

    // Series of each device, so removing a device costs its own series, not a scan of the family: the poller
    // removes a device's provisional series on its first poll, and 10,000 scans of 500k series do not finish.
    private readonly Dictionary<string, List<Series>> _byDevice = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Series[]? _sorted;
    private List<Series>? _added;
    private bool _removedSinceSort;

    public FamilySeries(MetricFamily family) => Family = family;

    public MetricFamily Family { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _series.Count;
            }
        }
    }

    public void Write(in Sample sample, bool deviceRestarted)
    {
        lock (_lock)
        {
            if (!_byIdentity.TryGetValue(new SeriesIdentity(sample.Device, sample.Labels), out var s))
            {
                s = Find(sample.Device, sample.Labels);
            }

            if (Family.Type == MetricType.Counter)
            {
                if (deviceRestarted)
                {
                    s.Counter.ObserveAfterRestart(sample.Value);
                }
                else
                {
                    s.Counter.Observe(sample.Value, sample.Wrap, sample.WrapUnit);
                }

                s.Value = s.Counter.Exposed;
            }
            else
            {
                s.Value = sample.Value;
            }

            s.UpdatedMs = sample.TimestampMs;
        }
    }

    public bool TryGet(DeviceIdentity? device, LabelSet labels, out double value)
    {
        lock (_lock)
        {
            if (_byIdentity.TryGetValue(new SeriesIdentity(device, labels), out var s) || _series.TryGetValue(SeriesKey.Format(device, labels), out s))
            {
                value = s.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    public int RemoveWhere(Func<Series, bool> predicate)
    {
        lock (_lock)
        {
            List<string>? doomed = null;
            foreach (var (key, s) in _series)
            {
                if (predicate(s))
                {
                    (doomed ??= []).Add(key);
                }
            }

            if (doomed is null)
            {
                return 0;
            }

            foreach (var key in doomed)
            {
                if (_series.Remove(key, out var gone))
                {
                    Forget(gone);
                }
            }

            // Rare (expiry, state-set reshapes): rebuild the identity index from what is left rather than track it.
            _byIdentity.Clear();
            foreach (var s in _series.Values)
            {
                _byIdentity[new SeriesIdentity(s.Device, s.Labels)] = s;
            }

            _removedSinceSort = true;
            return doomed.Count;
        }
    }

    /// <summary>Removes every series of one device: O(its series).</summary>
    public int RemoveDevice(string device)
    {
        lock (_lock)
        {
            if (!_byDevice.Remove(device, out var own))
            {
                return 0;
            }

            foreach (var s in own)
            {
                _series.Remove(s.Key);
                _byIdentity.Remove(new SeriesIdentity(s.Device, s.Labels));
                s.Removed = true;
            }

            _removedSinceSort = true;
            return own.Count;
        }
    }

    private void Forget(Series s)
    {
        s.Removed = true;
        if (s.Device is not null && _byDevice.TryGetValue(s.Device.Device, out var own))
        {
            own.Remove(s);
            if (own.Count == 0)
            {
                _byDevice.Remove(s.Device.Device);
            }
        }
    }

    public IReadOnlyList<SeriesSnapshot> Snapshot()
    {
        lock (_lock)
        {
            var list = new List<SeriesSnapshot>(_series.Count);
            foreach (var s in Sorted())
            {
                list.Add(new SeriesSnapshot(Family, s.Device, s.Labels, s.Value, s.UpdatedMs,
                    Family.Type == MetricType.Counter ? s.Counter.LastRaw : double.NaN));
            }

            return list;
        }
    }

    public void WriteTo(ExpositionWriter writer)
    {
        lock (_lock)
        {
            if (_series.Count == 0)
            {
                return;
            }

            writer.WriteHeader(Family);
            foreach (var s in Sorted())
            {
                writer.WriteSeries(s.Line, s.Value);
            }
        }
    }

    /// <summary>The series of this text key (created when new), indexed under this (device, labels) pair. Under the lock.</summary>
    private Series Find(DeviceIdentity? device, LabelSet labels)
    {
        var key = SeriesKey.Format(device, labels);
        if (!_series.TryGetValue(key, out var s))
        {
            s = new Series(Family, device, labels, key);
            _series.Add(key, s);
            if (device is not null)
            {
                if (!_byDevice.TryGetValue(device.Device, out var own))
                {
                    _byDevice.Add(device.Device, own = []);
                }

                own.Add(s);
            }

            if (_sorted is not null)
            {
                (_added ??= []).Add(s);
            }
        }

        _byIdentity[new SeriesIdentity(device, labels)] = s;
        return s;
    }

    /// <summary>The series in exposition order. The array is never mutated after it is built (a change builds a
    /// new one), so a scrape can walk it outside the lock while collectors keep writing.</summary>
    public Series[] SortedView()
    {
        lock (_lock)
        {
            return Sorted();
        }
    }

    private Series[] Sorted()
    {
        if (_sorted is null)
        {
            _sorted = [.. _series.Values];
            Array.Sort(_sorted, ByKey);
        }
        else if (_added is { Count: > 0 } || _removedSinceSort)
        {
            _sorted = Merge(_sorted, _added, _series.Count);
        }

        _added = null;
        _removedSinceSort = false;
        return _sorted;
    }

    /// <summary>The live series of <paramref name="sorted"/> merged with the live ones of <paramref name="added"/>.</summary>
    private static Series[] Merge(Series[] sorted, List<Series>? added, int count)
    {
        var extra = added?.Where(static s => !s.Removed).ToArray() ?? [];
        Array.Sort(extra, ByKey);
        var result = new Series[count];
        int i = 0, j = 0, n = 0;
        while (true)
        {
            while (i < sorted.Length && sorted[i].Removed)
            {
                i++;
            }

            if (i == sorted.Length)
            {
                break;
            }

            if (j < extra.Length && ByKey(extra[j], sorted[i]) < 0)
            {
                result[n++] = extra[j++];
            }
            else
            {
                result[n++] = sorted[i++];
            }
        }

        while (j < extra.Length)
        {
            result[n++] = extra[j++];
        }

        return n == count ? result : throw new InvalidOperationException($"series index out of step: merged {n}, expected {count}");
    }

    private static int ByKey(Series a, Series b) => string.CompareOrdinal(a.Key, b.Key);
}
