namespace DcimAgent.Simulator;

/// <summary>
/// What the demo hall looks like and how fast it runs. The host builds this from the <c>simulator:</c> config
/// section; tests build it directly with their own ports and a large <see cref="TimeScale"/>.
/// </summary>
public sealed record HallOptions
{
    /// <summary>Simulated seconds per real second. The incident script and every time constant scale with it.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Simulated time from start until the chiller trips; null: no incident.</summary>
    public TimeSpan? IncidentAfter { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Simulated time the chiller stays tripped before it restarts.</summary>
    public TimeSpan IncidentDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The <c>site</c> segment of the MQTT topics (the agent's <c>agent.site</c>).</summary>
    public string Site { get; init; } = "demo";

    /// <summary>Racks of accelerator hosts (each with an A and a B feed PDU).</summary>
    public int Racks { get; init; } = 4;

    /// <summary>Address every simulated device and the broker bind to.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>First UDP port of the SNMP devices; <see cref="HallLayout"/> assigns the rest in order.</summary>
    public int SnmpBasePort { get; init; } = 11600;

    /// <summary>TCP port of the embedded MQTT broker.</summary>
    public int MqttPort { get; init; } = 11683;

    /// <summary>Community the v2c devices accept.</summary>
    public string Community { get; init; } = "public";

    /// <summary>The SNMPv3 user of the v3 device (the UPS): SHA-256 / AES-128, authPriv.</summary>
    public string V3User { get; init; } = "demo-ops";

    public string V3AuthPassword { get; init; } = "demo-auth-pass";

    public string V3PrivPassword { get; init; } = "demo-priv-pass";

    /// <summary>How often (real time) device tables are rebuilt and MQTT documents published.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the small measurement noise, so runs are repeatable.</summary>
    public int Seed { get; init; } = 9;
}
