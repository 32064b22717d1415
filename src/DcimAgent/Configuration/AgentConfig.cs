namespace DcimAgent.Configuration;

/// <summary>
/// The whole YAML file. Key names are the snake_case of the property names (<c>state_dir</c> ↔ StateDir).
/// The shape is a contract: keys may be added, never renamed.
/// </summary>
public sealed class AgentConfig
{
    public AgentSection Agent { get; set; } = new();

    public SnmpSection Snmp { get; set; } = new();

    public MqttSection Mqtt { get; set; } = new();

    public FacilitySection Facility { get; set; } = new();

    /// <summary>Embedded demo hall (config/demo.yaml). Absent in production configs.</summary>
    public SimulatorSection? Simulator { get; set; }

    /// <summary>Node mode (GPU/NPU hosts): collectors and where to publish.</summary>
    public NodeSection? Node { get; set; }

    /// <summary>Where the file was loaded from (not a YAML key).</summary>
    [ConfigIgnore]
    public string SourcePath { get; set; } = string.Empty;
}
