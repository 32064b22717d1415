using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Client;

/// <summary>Options for <see cref="SnmpClient"/>.</summary>
public sealed record SnmpClientOptions
{
    /// <summary>Requests in flight per target endpoint; more wait their turn.</summary>
    public int MaxConcurrentRequestsPerTarget { get; init; } = 4;

    /// <summary>What to tolerate in replies; real agents need the lenient set.</summary>
    public BerDecodeOptions DecodeOptions { get; init; } = BerDecodeOptions.Lenient;

    /// <summary>Localized key cache; shared by default.</summary>
    public UsmKeyCache KeyCache { get; init; } = UsmKeyCache.Shared;
}
