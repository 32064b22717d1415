namespace DcimAgent.Model.Metrics;

/// <summary>Where collectors hand their normalized samples (the series store in the agent; a list in tests).</summary>
public interface ISampleSink
{
    /// <summary>Stores one sample. Returns false when the sample is rejected (NaN, infinity, forbidden value).</summary>
    bool Write(in Sample sample);
}
