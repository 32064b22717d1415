namespace DcimAgent.Tests.Reliability;

/// <summary>
/// The flood tests run one after the other, never beside each other: both load the test process's CPU share
/// (the trap sender's threads, the MQTT publishers), and on two cores two floods at once starve the trap sender
/// below the 50,000/s it must offer (seen: 44,669/s).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FloodCollection
{
    public const string Name = "floods";
}
