using System.Net;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Client;

/// <summary>
/// Where and how to ask: endpoint, version, credentials (community for v1/v2c, a USM user for v3), context,
/// and per-request behaviour. Defaults follow net-snmp's tools (timeout 1 s, 5 retries, 10 repetitions).
/// </summary>
public sealed record SnmpTarget
{
    public required IPEndPoint EndPoint { get; init; }

    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    public string Community { get; init; } = "public";

    /// <summary>The SNMPv3 user; required for <see cref="SnmpVersion.V3"/>.</summary>
    public UsmCredentials? User { get; init; }

    /// <summary>contextName (RFC 3411 §3.3.1).</summary>
    public string ContextName { get; init; } = string.Empty;

    /// <summary>contextEngineID; defaults to the authoritative engine id.</summary>
    public byte[]? ContextEngineId { get; init; }

    /// <summary>The authoritative engine id if known in advance (net-snmp -e); otherwise discovered.</summary>
    public byte[]? EngineId { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    public int Retries { get; init; } = 5;

    /// <summary>GetBulk max-repetitions for walks (net-snmp -Cr).</summary>
    public int MaxRepetitions { get; init; } = 10;

    /// <summary>msgMaxSize we advertise (RFC 3412 §6.2).</summary>
    public int MaxMessageSize { get; init; } = 65507;

    /// <summary>Secrets are not printed.</summary>
    public override string ToString() =>
        $"SnmpTarget {{ {EndPoint}, {Version}{(User is null ? string.Empty : ", user " + User.UserName)} }}";
}
