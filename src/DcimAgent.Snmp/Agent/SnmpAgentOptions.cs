using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Agent;

/// <summary>Who may ask the responder, and as which engine.</summary>
public sealed record SnmpAgentOptions
{
    /// <summary>Accepted v1/v2c communities (read-only).</summary>
    public IReadOnlyCollection<string> Communities { get; init; } = ["public"];

    /// <summary>SNMPv3 users.</summary>
    public IReadOnlyList<UsmCredentials> Users { get; init; } = [];

    public byte[] EngineId { get; init; } = UsmAuthoritativeEngine.TextEngineId("dcim-agent-sim");

    public int EngineBoots { get; init; } = 1;

    /// <summary>Largest response we build; GetBulk answers are trimmed to fit (RFC 3416 §4.2.3).</summary>
    public int MaxResponseSize { get; init; } = 65000;

    /// <summary>Most varbinds in one GetBulk response.</summary>
    public int MaxBulkVarBinds { get; init; } = 1000;

    public BerDecodeOptions DecodeOptions { get; init; } = BerDecodeOptions.Lenient;
}
