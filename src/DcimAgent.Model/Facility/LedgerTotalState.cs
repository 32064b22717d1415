namespace DcimAgent.Model.Facility;

/// <summary>One exported counter in the state file: a site role or a rack, with the labels it was exposed with.</summary>
public sealed class LedgerTotalState
{
    public string Site { get; set; } = string.Empty;

    /// <summary>The role (site totals) or the rack name (rack totals).</summary>
    public string Name { get; set; } = string.Empty;

    public string? Room { get; set; }

    public string? Row { get; set; }

    public string? Tenant { get; set; }

    public double EnergyJoules { get; set; }

    public double GapSeconds { get; set; }

    /// <summary>Meters known to belong to this role (glob matches seen so far), so a silent one still counts against coverage.</summary>
    public List<string> Meters { get; set; } = [];
}
