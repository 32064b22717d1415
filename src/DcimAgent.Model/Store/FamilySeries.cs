using DcimAgent.Model.Exposition;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>
/// All series of one family, under one lock, with a sorted view cached for the exposition.
/// Series are keyed by their formatted label text, but writers mostly repeat the same device and label objects,
/// so a second index by (device, labels) value finds the series without formatting that text on every write
/// (device hashes are cached, label sets are small). It holds at most one entry per distinct pair whose series
/// exists, and is pruned with the series.
/// </summary>
internal sealed class FamilySeries
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<(DeviceIdentity? Device, LabelSet Labels), Series> _byIdentity = [];
    private readonly Lock _lock = new();
    private Series[]? _sorted;

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
            if (!_byIdentity.TryGetValue((sample.Device, sample.Labels), out var s))
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
            if (_byIdentity.TryGetValue((device, labels), out var s) || _series.TryGetValue(SeriesKey.Format(device, labels), out s))
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
                _series.Remove(key);
            }

            // Rare (expiry, device removal): rebuild the identity index from what is left rather than track it.
            _byIdentity.Clear();
            foreach (var s in _series.Values)
            {
                _byIdentity[(s.Device, s.Labels)] = s;
            }

            _sorted = null;
            return doomed.Count;
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
            _sorted = null;
        }

        _byIdentity[(device, labels)] = s;
        return s;
    }

    private Series[] Sorted()
    {
        if (_sorted is null)
        {
            _sorted = [.. _series.Values];
            Array.Sort(_sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        return _sorted;
    }
}
