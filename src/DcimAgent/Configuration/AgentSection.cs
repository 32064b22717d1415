namespace DcimAgent.Configuration;

/// <summary><c>agent:</c> — the daemon itself.</summary>
public sealed class AgentSection
{
    /// <summary>HOST:PORT of the HTTP endpoints (/metrics, /healthz, /readyz).</summary>
    public string Listen { get; set; } = "127.0.0.1:9464";

    /// <summary>Value of the <c>site</c> label on every series.</summary>
    public string Site { get; set; } = "default";

    public string StateDir { get; set; } = "/var/lib/dcim-agent";

    /// <summary>Series not refreshed for this long disappear (device health families excepted).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>text</c> or <c>json</c> (compact JSON for journald/log shippers).</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>verbose, debug, information, warning, error.</summary>
    public string LogLevel { get; set; } = "information";

    /// <summary>Optional sharding: this agent polls only the targets whose rendezvous hash picks its index.</summary>
    public ShardSection? Shard { get; set; }

    /// <summary>Optional TLS and basic auth for the endpoints, shaped like Prometheus' web config file.</summary>
    public string? WebConfigFile { get; set; }
}

/// <summary><c>agent.shard</c>.</summary>
public sealed class ShardSection
{
    public int Index { get; set; }

    public int Count { get; set; } = 1;
}
