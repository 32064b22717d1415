namespace DcimAgent.Model.Facility;

/// <summary>One meter in the state file: the last readings the ledger has already accounted for.</summary>
public sealed class LedgerMeterState
{
    public string Key { get; set; } = string.Empty;

    public string Device { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    public bool HasPower { get; set; }

    public double Power { get; set; }

    public long PowerSampleMs { get; set; }

    /// <summary>Wall time of the tick that took the last power reading: the only clock that survives a restart.</summary>
    public long ObservedWallMs { get; set; }

    public bool HasEnergy { get; set; }

    public double Energy { get; set; }

    public double EnergyRaw { get; set; }

    public long EnergySampleMs { get; set; }

    public bool FromRegister { get; set; }
}
