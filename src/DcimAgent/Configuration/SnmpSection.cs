namespace DcimAgent.Configuration;

/// <summary><c>snmp:</c> — credentials, targets and the trap receiver.</summary>
public sealed class SnmpSection
{
    public SnmpDefaults Defaults { get; set; } = new();

    public List<SnmpCredential> Credentials { get; set; } = [];

    public List<SnmpTargetConfig> Targets { get; set; } = [];

    public TrapSection? Traps { get; set; }

    /// <summary>Extra profile files or folders besides the shipped <c>config/profiles</c>.</summary>
    public List<string> ProfilePaths { get; set; } = [];
}

/// <summary><c>snmp.defaults</c>: what a target gets unless it says otherwise.</summary>
public sealed class SnmpDefaults
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public int Retries { get; set; } = 2;

    public int MaxRepetitions { get; set; } = 25;

    /// <summary>Polls running at once across all targets.</summary>
    public int Concurrency { get; set; } = 256;

    /// <summary>Label tables (outlet names, phases) are re-walked every N polls (or when the device restarts).</summary>
    public int LabelRefreshPolls { get; set; } = 20;
}

/// <summary>One entry of <c>snmp.credentials</c>. Secrets come from <c>${ENV}</c> or <c>*_file</c> keys.</summary>
public sealed class SnmpCredential
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>1</c>, <c>2c</c> or <c>3</c>.</summary>
    public string Version { get; set; } = "2c";

    [Secret]
    public string? Community { get; set; }

    public string? CommunityFile { get; set; }

    public string? Username { get; set; }

    /// <summary>noAuthNoPriv, authNoPriv or authPriv.</summary>
    public string? SecurityLevel { get; set; }

    /// <summary>MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512.</summary>
    public string? AuthProtocol { get; set; }

    [Secret]
    public string? AuthPassword { get; set; }

    public string? AuthPasswordFile { get; set; }

    /// <summary>DES, AES, AES-192, AES-256, AES192C, AES256C.</summary>
    public string? PrivProtocol { get; set; }

    [Secret]
    public string? PrivPassword { get; set; }

    public string? PrivPasswordFile { get; set; }

    public string? Context { get; set; }
}

/// <summary>One entry of <c>snmp.targets</c>: a device to poll.</summary>
public sealed class SnmpTargetConfig
{
    public string Name { get; set; } = string.Empty;

    /// <summary>HOST[:PORT]; port 161 when omitted.</summary>
    public string Address { get; set; } = string.Empty;

    public string Credentials { get; set; } = string.Empty;

    /// <summary>A profile name, or <c>auto</c> to match on sysObjectID/sysDescr.</summary>
    public string Profile { get; set; } = "auto";

    /// <summary>Overrides the profile's class (pdu, ups, chiller, crah, inrow, meter, sensor_hub, ...).</summary>
    public string? DeviceClass { get; set; }

    public TimeSpan? Interval { get; set; }

    public TimeSpan? Timeout { get; set; }

    public int? Retries { get; set; }

    public int? MaxRepetitions { get; set; }

    /// <summary>Location labels: room, row, rack, feed (site comes from agent.site unless set here).</summary>
    public Dictionary<string, string> Labels { get; set; } = [];
}

/// <summary><c>snmp.traps</c>: the notification receiver.</summary>
public sealed class TrapSection
{
    public string Listen { get; set; } = "0.0.0.0:162";

    public bool Enabled { get; set; } = true;

    /// <summary>Accepted v1/v2c communities (secrets: masked in output).</summary>
    [Secret]
    public List<string> Communities { get; set; } = [];

    /// <summary>Names of v3 credentials accepted for traps and informs.</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>Bounded queue between the socket and the decoder; overflow is counted as dropped.</summary>
    public int QueueSize { get; set; } = 10000;
}
