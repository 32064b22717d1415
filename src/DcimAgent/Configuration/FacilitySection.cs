namespace DcimAgent.Configuration;

/// <summary><c>facility:</c> — meters by role, PUE category, racks and tenants.</summary>
public sealed class FacilitySection
{
    /// <summary>The Green Grid category: 1 (IT energy at UPS output), 2 (PDU output), 3 (IT equipment input).</summary>
    public int PueCategory { get; set; } = 2;

    /// <summary>Target the PUE alert compares against (1.3 by default; 1.25 at hub nodes).</summary>
    public double PueTarget { get; set; } = 1.3;

    /// <summary>Role → device names or globs (<c>pdu-*</c>).</summary>
    public Dictionary<string, List<string>> Meters { get; set; } = [];

    public List<RackConfig> Racks { get; set; } = [];

    /// <summary>How often roll-ups are computed and the ledger persisted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A meter silent for more than this many intervals leaves a gap that is not bridged.</summary>
    public int MaxGapIntervals { get; set; } = 4;
}

/// <summary>One entry of <c>facility.racks</c>.</summary>
public sealed class RackConfig
{
    public string Rack { get; set; } = string.Empty;

    public string? Tenant { get; set; }

    public string? Room { get; set; }

    public string? Row { get; set; }

    /// <summary>Which series feed the rack: <c>outlets</c>, <c>inputs</c> (PDU totals) or <c>servers</c>.</summary>
    public string Source { get; set; } = "inputs";

    /// <summary>Devices feeding the rack; default: every device whose <c>rack</c> label is this rack.</summary>
    public List<string> Devices { get; set; } = [];
}
