using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node;

/// <summary>Reads every board of this host once. Expected failures throw <see cref="CollectorException"/>.</summary>
public interface IAcceleratorCollector
{
    /// <summary>The collector type and, where useful, its source (<c>replay:nvml-series.jsonl</c>).</summary>
    string Name { get; }

    /// <summary>
    /// How long to wait before the next collection when the source has its own timing (a replayed series);
    /// null: the configured interval.
    /// </summary>
    TimeSpan? NextDelay { get; }

    Task<AcceleratorFrame> CollectAsync(CancellationToken ct);
}
