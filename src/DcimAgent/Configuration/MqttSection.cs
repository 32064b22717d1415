namespace DcimAgent.Configuration;

/// <summary><c>mqtt:</c> — brokers and subscriptions.</summary>
public sealed class MqttSection
{
    public List<MqttBrokerConfig> Brokers { get; set; } = [];

    public List<MqttSubscriptionConfig> Subscriptions { get; set; } = [];
}

/// <summary>One entry of <c>mqtt.brokers</c>.</summary>
public sealed class MqttBrokerConfig
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>mqtt://host:port</c> or <c>mqtts://host:port</c>.</summary>
    public string Url { get; set; } = string.Empty;

    public string? ClientId { get; set; }

    /// <summary>3 (MQTT 3.1.1) or 5.</summary>
    public int Protocol { get; set; } = 5;

    /// <summary><c>clean</c> or <c>persistent</c>.</summary>
    public string Session { get; set; } = "clean";

    /// <summary>How long the broker keeps a persistent session (MQTT 5 session expiry).</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Keepalive { get; set; } = TimeSpan.FromSeconds(30);

    public string? Username { get; set; }

    [Secret]
    public string? Password { get; set; }

    public string? PasswordFile { get; set; }

    public string? CaFile { get; set; }

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public string? ServerName { get; set; }

    /// <summary>Reconnect backoff: first delay and cap.</summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages held between the socket and the store. When full, QoS 0 messages are dropped (and counted);
    /// QoS 1/2 messages wait, which holds back their acknowledgements so the broker keeps them.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}

/// <summary>One entry of <c>mqtt.subscriptions</c>.</summary>
public sealed class MqttSubscriptionConfig
{
    public string Name { get; set; } = string.Empty;

    public string Broker { get; set; } = string.Empty;

    /// <summary>Topic template: <c>{name}</c> segments become labels (<c>device</c>, <c>site</c>, ...); <c>+</c>/<c>#</c> allowed.</summary>
    public string Topic { get; set; } = string.Empty;

    public int Qos { get; set; } = 1;

    /// <summary>json, value, tasmota, shelly, sparkplug-b, dcim-json.</summary>
    public string Format { get; set; } = "json";

    /// <summary>MQTT 5 shared subscription group: subscribes to <c>$share/GROUP/topic</c>.</summary>
    public string? ShareGroup { get; set; }

    public string? DeviceClass { get; set; }

    /// <summary>Device name when the topic has no <c>{device}</c> segment.</summary>
    public string? Device { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>No message for 3× this long → <c>dcim_device_up 0</c>.</summary>
    public TimeSpan? ExpectEvery { get; set; }

    /// <summary>For <c>value</c>: the family and the unit of the bare number.</summary>
    public string? Family { get; set; }

    public string? Unit { get; set; }

    /// <summary>For <c>json</c>: mapping rules from JSON paths to families.</summary>
    public List<JsonMappingConfig> Mappings { get; set; } = [];

    /// <summary>Payloads larger than this are rejected.</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;
}

/// <summary>One rule of a <c>json</c> subscription: a JSON path to a family.</summary>
public sealed class JsonMappingConfig
{
    /// <summary>Path such as <c>ENERGY.Power</c> or <c>gpus[*].temp</c> (<c>[*]</c> yields an index label).</summary>
    public string Path { get; set; } = string.Empty;

    public string Family { get; set; } = string.Empty;

    public string? Unit { get; set; }

    public double? Scale { get; set; }

    /// <summary>Label receiving the array index of a <c>[*]</c> path (e.g. <c>accelerator</c>).</summary>
    public string? IndexLabel { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>Enum/boolean value → state of a state set.</summary>
    public Dictionary<string, string> States { get; set; } = [];
}
