namespace DcimAgent.Model.Facility;

/// <summary>
/// Everything the energy ledger needs to continue after a restart with nothing lost or counted twice: the
/// exported counters and, per meter, the last readings already accounted for.
/// </summary>
public sealed class LedgerState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public long SavedWallMs { get; set; }

    public List<LedgerTotalState> Roles { get; set; } = [];

    public List<LedgerTotalState> Racks { get; set; } = [];

    public List<LedgerMeterState> Meters { get; set; } = [];
}
