namespace DcimAgent.Model.Payloads;

/// <summary>
/// One message as a payload mapper sees it: the topic it arrived on, the labels its subscription's topic template
/// took from that topic (<c>{device}</c>, <c>{site}</c>, ...), the payload bytes and when the agent received it
/// (Unix ms). Samples carry the receive time, never a timestamp from the payload: publishers' clocks are often
/// wrong (a Tasmota plug without NTP reports 2018) and the store's staleness works on sample times.
/// </summary>
public readonly record struct PayloadMessage(
    string Topic,
    IReadOnlyDictionary<string, string> TopicLabels,
    ReadOnlyMemory<byte> Payload,
    long ReceivedMs)
{
    public static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>(0);
}
