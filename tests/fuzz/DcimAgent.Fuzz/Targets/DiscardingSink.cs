using DcimAgent.Model.Metrics;

namespace DcimAgent.Fuzz.Targets;

/// <summary>Accepts finite samples like the series store does and keeps nothing, so millions of iterations do not grow a store.</summary>
internal sealed class DiscardingSink : ISampleSink
{
    public long Written { get; private set; }

    public bool Write(in Sample sample)
    {
        // The store's contract: NaN and infinity are refused, not stored.
        if (!double.IsFinite(sample.Value))
        {
            return false;
        }

        Written++;
        return true;
    }
}
