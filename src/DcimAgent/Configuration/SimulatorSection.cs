namespace DcimAgent.Configuration;

/// <summary>
/// <c>simulator:</c> — the embedded demo hall (config/demo.yaml). Absent or <c>enabled: false</c> in production.
/// Ports must match the <c>snmp.targets</c> and <c>mqtt.brokers</c> that poll the hall (docs/quickstart.md).
/// </summary>
public sealed class SimulatorSection
{
    public bool Enabled { get; set; } = true;

    /// <summary>Simulated seconds per real second (1 = real time; tests use 20 or more).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Simulated time until the chiller trips. <c>0s</c> disables the incident.</summary>
    public TimeSpan IncidentAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Simulated time the chiller stays tripped.</summary>
    public TimeSpan IncidentDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>First UDP port of the simulated SNMP devices (PDUs in rack order, then UPS, in-row, chiller, iDRAC).</summary>
    public int SnmpBasePort { get; set; } = 11600;

    /// <summary>TCP port of the embedded MQTT broker.</summary>
    public int MqttPort { get; set; } = 11683;

    /// <summary>Racks of accelerator hosts, 1–16 (each with an A and a B PDU).</summary>
    public int Racks { get; set; } = 4;

    /// <summary>Address the simulated devices and the broker bind to; loopback only.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>Community of the v2c devices.</summary>
    [Secret]
    public string Community { get; set; } = "public";

    /// <summary>SNMPv3 user of the UPS (SHA-256 / AES-128, authPriv) and its passwords.</summary>
    public string V3User { get; set; } = "demo-ops";

    [Secret]
    public string V3AuthPassword { get; set; } = "demo-auth-pass";

    [Secret]
    public string V3PrivPassword { get; set; } = "demo-priv-pass";
}
