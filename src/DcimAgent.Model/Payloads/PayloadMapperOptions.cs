namespace DcimAgent.Model.Payloads;

/// <summary>What a mapper needs from its subscription, independent of the YAML classes of the host.</summary>
public sealed class PayloadMapperOptions
{
    /// <summary>Subscription name (used in reasons and counters).</summary>
    public string Subscription { get; init; } = "probe";

    /// <summary>Rules of <c>json</c> (JSON paths) and <c>sparkplug-b</c> (metric names).</summary>
    public IReadOnlyList<MappingRule> Rules { get; init; } = [];

    /// <summary>For <c>value</c>: the one rule whose path is ignored (family, unit, scale, labels, states).</summary>
    public MappingRule? ValueRule { get; init; }

    /// <summary>Payloads larger than this are rejected before they are parsed.</summary>
    public int MaxPayloadBytes { get; init; } = 256 * 1024;
}
