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

    /// <summary>The roles meters may be assigned to.</summary>
    public static readonly IReadOnlyList<string> SiteRoles = ["facility", "it", "cooling", "other"];
}
