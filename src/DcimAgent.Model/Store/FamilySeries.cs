using DcimAgent.Model.Exposition;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>All series of one family, under one lock, with a sorted view cached for the exposition.</summary>
internal sealed class FamilySeries
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
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
        var key = SeriesKey.Format(sample.Device, sample.Labels);
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var s))
            {
                s = new Series(Family, sample.Device, sample.Labels, key);
                _series.Add(key, s);
                _sorted = null;
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

    public bool TryGet(string key, out double value)
    {
        lock (_lock)
        {
            if (_series.TryGetValue(key, out var s))
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
