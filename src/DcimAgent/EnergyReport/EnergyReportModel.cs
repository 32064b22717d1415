namespace DcimAgent.EnergyReport;

/// <summary>What the energy report says, before it is formatted.</summary>
public sealed class EnergyReportModel
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>rack, tenant, role or device.</summary>
    public required string By { get; init; }

    /// <summary>The label columns of <see cref="Rows"/>, in order.</summary>
    public required IReadOnlyList<string> GroupLabels { get; init; }

    public List<EnergyRow> Rows { get; } = [];

    public List<SiteEnergySummary> Sites { get; } = [];
}

/// <summary>One group's energy over the window.</summary>
public sealed record EnergyRow(IReadOnlyList<string> Labels, double Kwh);

/// <summary>Per site: the PUE over the window, what it rests on, and what is missing.</summary>
public sealed class SiteEnergySummary
{
    public required string Site { get; init; }

    public double? FacilityKwh { get; set; }

    public double? ItKwh { get; set; }

    /// <summary>Facility ÷ IT energy over the window (ISO/IEC 30134-2); null without both.</summary>
    public double? Pue => FacilityKwh is { } f && ItKwh is { } it && it > 0 ? f / it : null;

    public int? Category { get; set; }

    /// <summary>Role → lowest meter coverage seen in the window (1 = every assigned meter always reported).</summary>
    public SortedDictionary<string, double> CoverageMin { get; } = new(StringComparer.Ordinal);

    /// <summary>Role → average meter coverage over the window.</summary>
    public SortedDictionary<string, double> CoverageAvg { get; } = new(StringComparer.Ordinal);

    /// <summary>Role → meter-seconds the ledger could not bridge (gaps in the agent's own readings).</summary>
    public SortedDictionary<string, double> GapSeconds { get; } = new(StringComparer.Ordinal);

    /// <summary>Spans where Prometheus holds no energy samples of the site (agent or scrape down).</summary>
    public List<(DateTimeOffset From, DateTimeOffset To)> Holes { get; } = [];

    /// <summary>Something an auditor must look at before trusting the PUE.</summary>
    public bool Flagged => Holes.Count > 0 || GapSeconds.Values.Any(g => g > 0) || CoverageMin.Values.Any(c => c < 1) || Pue is null;

    public static string CategoryText(int? category) => category switch
    {
        1 => "1 (IT energy at UPS output)",
        2 => "2 (IT energy at PDU output)",
        3 => "3 (IT energy at IT equipment input)",
        _ => "not stated",
    };
}
