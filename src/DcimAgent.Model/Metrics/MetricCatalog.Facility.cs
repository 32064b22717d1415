namespace DcimAgent.Model.Metrics;

/// <summary>spec/metrics.md "Facility roll-ups". Site and rack series carry their own location labels, not a device's.</summary>
public static partial class MetricCatalog
{
    public static readonly MetricFamily SitePower = new("dcim_site_power_watts", MetricType.Gauge, "watts",
        "Sum of the power readings assigned to a role", ["site", "role"], scope: FamilyScope.Global);

    public static readonly MetricFamily SiteEnergy = new("dcim_site_energy_joules_total", MetricType.Counter, "joules",
        "Energy per role; never decreases, survives restarts", ["site", "role"], scope: FamilyScope.Global);

    public static readonly MetricFamily SitePue = new("dcim_site_pue_ratio", MetricType.Gauge, "ratio",
        "Instantaneous facility power divided by IT power", ["site"], scope: FamilyScope.Global);

    public static readonly MetricFamily RackPower = new("dcim_rack_power_watts", MetricType.Gauge, "watts",
        "IT power of a rack", ["site", "room", "row", "rack", "tenant"], scope: FamilyScope.Global);

    public static readonly MetricFamily RackEnergy = new("dcim_rack_energy_joules_total", MetricType.Counter, "joules",
        "IT energy of a rack", ["site", "room", "row", "rack", "tenant"], scope: FamilyScope.Global);

    // Families below are added beyond spec/metrics.md (docs/metrics.md documents them).

    /// <summary>Share of a role's assigned meters whose readings are current, so a PUE computed without
    /// its chiller meter cannot pass for a good one.</summary>
    public static readonly MetricFamily SiteMeterCoverage = new("dcim_site_meter_coverage_ratio", MetricType.Gauge, "ratio",
        "Share of the meters assigned to a role whose readings are current (0..1)", ["site", "role"], scope: FamilyScope.Global);

    /// <summary>Meter silence longer than the gap limit that the ledger did not bridge by invention.</summary>
    public static readonly MetricFamily SiteEnergyGap = new("dcim_site_energy_gap_seconds_total", MetricType.Counter, "seconds",
        "Meter-seconds of a role not integrated because a power meter was silent longer than the gap limit",
        ["site", "role"], scope: FamilyScope.Global);

    /// <summary>The Green Grid PUE category the config states (1, 2 or 3).</summary>
    public static readonly MetricFamily SitePueCategory = new("dcim_site_pue_category", MetricType.Gauge, string.Empty,
        "PUE category stated in the config: 1 UPS output, 2 PDU output, 3 IT equipment input", ["site"], scope: FamilyScope.Global);

    /// <summary>The roles meters may be assigned to.</summary>
    public static readonly IReadOnlyList<string> SiteRoles = ["facility", "it", "cooling", "other"];
}
