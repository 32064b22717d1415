namespace DcimAgent.Tests.Support;

/// <summary>Tests that measure wall-clock timing run alone, so other tests' CPU use does not show up as lateness.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
