namespace DcimAgent.Model.Profiles;

/// <summary>
/// What one mapping pass produced and what it left out, by reason. Values a device did not give are
/// expected; unknown units, unmapped states, duplicate series and missing labels point at a profile or a
/// device bug and are kept (first few) with where they happened.
/// </summary>
public sealed class MappingReport
{
    private const int MaxMessages = 20;
    private readonly Dictionary<ValueOutcome, int> _dropped = [];
    private readonly List<string> _messages = [];

    public int Samples { get; internal set; }

    /// <summary>Series produced twice in one poll (two metrics or rows giving the same labels); the first wins.</summary>
    public int Duplicates { get; internal set; }

    /// <summary>Rows skipped because a label had no value.</summary>
    public int MissingLabels { get; internal set; }

    public IReadOnlyDictionary<ValueOutcome, int> Dropped => _dropped;

    /// <summary>The first problems, each naming the profile metric and row.</summary>
    public IReadOnlyList<string> Messages => _messages;

    /// <summary>Values dropped for reasons that point at a problem (not the ordinary "not reported" and sentinels).</summary>
    public int Problems => Duplicates + MissingLabels
        + _dropped.Where(p => p.Key is not (ValueOutcome.NotReported or ValueOutcome.Sentinel or ValueOutcome.OutOfRange)).Sum(p => p.Value);

    internal void Drop(ValueOutcome outcome, ProfileMetric metric, string index)
    {
        _dropped[outcome] = _dropped.GetValueOrDefault(outcome) + 1;
        if (outcome is not (ValueOutcome.NotReported or ValueOutcome.Sentinel or ValueOutcome.OutOfRange))
        {
            Note($"{metric.Where}: row '{index}': {outcome}");
        }
    }

    internal void Note(string message)
    {
        if (_messages.Count < MaxMessages)
        {
            _messages.Add(message);
        }
    }
}
