using System.Net;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Traps;

/// <summary>Where to listen and whom to believe.</summary>
public sealed record SnmpTrapListenerOptions
{
    /// <summary>Listening endpoint; port 162 needs CAP_NET_BIND_SERVICE.</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Any, 162);

    /// <summary>Allowed v1/v2c communities.</summary>
    public IReadOnlyCollection<string> Communities { get; init; } = ["public"];

    /// <summary>Allowed SNMPv3 users (traps: localized to the sender's engine id; informs: to ours).</summary>
    public IReadOnlyList<UsmCredentials> Users { get; init; } = [];

    /// <summary>If set, v3 traps are accepted only from these (hex) engine ids.</summary>
    public IReadOnlyCollection<string>? TrapEngineIds { get; init; }

    /// <summary>Our engine id, authoritative for informs (RFC 3414 §1.5.1).</summary>
    public byte[] EngineId { get; init; } = UsmAuthoritativeEngine.TextEngineId("dcim-agent-traps");

    public int EngineBoots { get; init; } = 1;

    /// <summary>Notifications buffered for the consumer; beyond this they are dropped and counted.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    public BerDecodeOptions DecodeOptions { get; init; } = BerDecodeOptions.Lenient;
}
