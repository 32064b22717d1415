namespace DcimAgent.Model.Facility;

/// <summary>
/// The ledger of one meter: turns its successive readings into energy without ever inventing any.
/// <list type="bullet">
/// <item>An energy register wins: energy is the register's increase (the store has already unwrapped Counter32/64
/// wraps and device resets, so within one agent lifetime the increase is never negative).</item>
/// <item>Without a register, power is integrated by the trapezoid rule between successive new readings, with
/// dt from the monotonic clock, so an NTP step of the wall clock adds or removes nothing.</item>
/// <item>Silence longer than the gap limit is not bridged: its length is returned as gap seconds instead.</item>
/// <item>After a restart (state restored, no monotonic reference) dt comes from the persisted wall stamps; a
/// negative or over-limit span is a gap.</item>
/// </list>
/// </summary>
public sealed class MeterAccount
{
    public MeterAccount(string key) => Key = key;

    public string Key { get; }

    /// <summary>Device name (for role membership and coverage).</summary>
    public string Device { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    public bool HasPower { get; private set; }

    public double LastPower { get; private set; }

    public long LastPowerSampleMs { get; private set; }

    public long LastObsWallMs { get; private set; }

    public bool HasEnergy { get; private set; }

    public double LastEnergy { get; private set; }

    public double LastEnergyRaw { get; private set; }

    public long LastEnergySampleMs { get; private set; }

    /// <summary>The last energy came from the register (a later power-only step is a source switch).</summary>
    public bool LastFromRegister { get; private set; }

    private long _lastObsMono;
    private bool _monoValid;
    private bool _energyContinuous;
    private long _lastFreshMono;
    private bool _freshValid;

    /// <summary>Restores a meter from the state file: the next readings continue from these values.</summary>
    public static MeterAccount Restore(LedgerMeterState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new MeterAccount(s.Key)
        {
            Device = s.Device,
            Site = s.Site,
            HasPower = s.HasPower,
            LastPower = s.Power,
            LastPowerSampleMs = s.PowerSampleMs,
            LastObsWallMs = s.ObservedWallMs,
            HasEnergy = s.HasEnergy,
            LastEnergy = s.Energy,
            LastEnergyRaw = s.EnergyRaw,
            LastEnergySampleMs = s.EnergySampleMs,
            LastFromRegister = s.FromRegister,
        };
    }

    public LedgerMeterState ToState() => new()
    {
        Key = Key,
        Device = Device,
        Site = Site,
        HasPower = HasPower,
        Power = LastPower,
        PowerSampleMs = LastPowerSampleMs,
        ObservedWallMs = LastObsWallMs,
        HasEnergy = HasEnergy,
        Energy = LastEnergy,
        EnergyRaw = LastEnergyRaw,
        EnergySampleMs = LastEnergySampleMs,
        FromRegister = LastFromRegister,
    };

    /// <summary>True when the meter gave a reading within the gap limit (its energy is still being counted).</summary>
    public bool IsCurrent(long monoMs, long gapLimitMs) => _freshValid && monoMs - _lastFreshMono <= gapLimitMs;

    /// <summary>Takes this tick's reading of the meter.</summary>
    public MeterStep Advance(in MeterReading reading, long monoMs, long wallMs, long gapLimitMs)
    {
        var newEnergy = reading.HasEnergy && (!HasEnergy || reading.EnergyMs != LastEnergySampleMs || !_energyContinuous);
        var newPower = reading.HasPower && (!HasPower || reading.PowerMs != LastPowerSampleMs);
        double energy = 0, gap = 0;

        if (newEnergy)
        {
            // A register that returns after power was integrated in its absence only sets a new baseline:
            // its increase would cover the integrated span a second time.
            if (HasEnergy && LastFromRegister)
            {
                energy = RegisterIncrease(reading);
            }

            HasEnergy = true;
            LastEnergy = reading.Energy;
            LastEnergyRaw = double.IsNaN(reading.EnergyRaw) ? reading.Energy : reading.EnergyRaw;
            LastEnergySampleMs = reading.EnergyMs;
            LastFromRegister = true;
            _energyContinuous = true;
        }

        if (newPower)
        {
            if (HasPower && !reading.HasEnergy)
            {
                var dtMs = _monoValid ? monoMs - _lastObsMono : wallMs - LastObsWallMs;
                if (LastFromRegister)
                {
                    // The register vanished: its last increase already covers up to about now. Start afresh.
                    LastFromRegister = false;
                }
                else if (dtMs < 0 || dtMs > gapLimitMs)
                {
                    gap = Math.Max(dtMs, 0) / 1000.0;
                }
                else
                {
                    energy = (LastPower + reading.Power) / 2 * dtMs / 1000.0;
                }
            }
            else if (!reading.HasEnergy)
            {
                LastFromRegister = false;
            }

            HasPower = true;
            LastPower = reading.Power;
            LastPowerSampleMs = reading.PowerMs;
            LastObsWallMs = wallMs;
            _lastObsMono = monoMs;
            _monoValid = true;
        }

        var fresh = newEnergy || newPower;
        if (fresh)
        {
            _lastFreshMono = monoMs;
            _freshValid = true;
        }

        return new MeterStep(Math.Max(energy, 0), gap, fresh);
    }

    private double RegisterIncrease(in MeterReading reading)
    {
        if (_energyContinuous && reading.Energy >= LastEnergy)
        {
            return reading.Energy - LastEnergy;
        }

        // The store's series began again (agent restart, or the series expired and came back), so its value
        // restarted from the raw register: continue from the raw value instead.
        var raw = double.IsNaN(reading.EnergyRaw) ? reading.Energy : reading.EnergyRaw;
        if (raw >= LastEnergyRaw)
        {
            return raw - LastEnergyRaw;
        }

        // A small drop is float-register jitter (the store's own rule): nothing to add. A large one is a device
        // reset while we were not looking: count from zero, as Prometheus does.
        return raw >= LastEnergyRaw / 2 ? 0 : raw;
    }
}
