namespace DcimAgent.Model.Facility;

/// <summary>The roll-ups of one tick, ready to publish.</summary>
public sealed class FacilityTick
{
    public long WallMs { get; init; }

    public List<RoleRollup> Roles { get; } = [];

    public List<RackRollup> Racks { get; } = [];

    /// <summary>Site → instantaneous facility ÷ IT power (absent when IT power is not positive).</summary>
    public Dictionary<string, double> Pue { get; } = new(StringComparer.Ordinal);

    /// <summary>Sites the roll-ups cover (each gets the PUE category series).</summary>
    public SortedSet<string> Sites { get; } = new(StringComparer.Ordinal);

    /// <summary>Devices that matched more than one role or rack; they count once, in the first. For the log.</summary>
    public List<string> Conflicts { get; } = [];

    /// <summary>Meters that gave a new reading this tick.</summary>
    public int FreshMeters { get; set; }
}

/// <summary>One site role after a tick.</summary>
/// <param name="PowerWatts">Sum of the current meters' power; NaN when none reports power.</param>
public sealed record RoleRollup(string Site, string Role, double PowerWatts, double EnergyJoules, double GapSeconds, int Assigned, int Reporting)
{
    public double Coverage => Assigned == 0 ? 0 : (double)Reporting / Assigned;
}

/// <summary>One rack after a tick.</summary>
public sealed record RackRollup(string Site, string Rack, string? Room, string? Row, string? Tenant, double PowerWatts, double EnergyJoules);
