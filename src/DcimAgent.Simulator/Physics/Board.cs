namespace DcimAgent.Simulator.Physics;

/// <summary>One accelerator board: utilization follows the job, power follows utilization under the power limit
/// and the thermal limit, the die temperature follows power and inlet air with a lag.</summary>
public sealed class Board
{
    private const double TemperatureTauSeconds = 20;
    private const double UtilizationTauSeconds = 3;

    public Board(BoardSpec spec, int index, string uuid, string serial, double inletC)
    {
        Spec = spec;
        Index = index;
        Uuid = uuid;
        Serial = serial;
        PowerW = spec.IdlePowerW;
        TemperatureC = inletC + spec.ThermalOffsetC + (spec.ThermalCoefficientCPerW * spec.IdlePowerW);
        CoreClockMHz = spec.IdleClockMHz;
        MemoryUsedBytes = spec.MemoryIdleBytes;
    }

    public BoardSpec Spec { get; }

    public int Index { get; }

    public string Uuid { get; }

    public string Serial { get; }

    public double Utilization { get; private set; }

    public double PowerW { get; private set; }

    public double TemperatureC { get; private set; }

    public double EnergyJoules { get; private set; }

    public double CoreClockMHz { get; private set; }

    public double MemoryUsedBytes { get; private set; }

    public bool PowerCapped { get; private set; }

    public bool ThermalThrottled { get; private set; }

    public void Step(double dt, double targetUtilization, double inletC, Noise noise)
    {
        var s = Spec;
        Utilization += (targetUtilization - Utilization) * (1 - Math.Exp(-dt / UtilizationTauSeconds));
        var demand = s.IdlePowerW + ((s.LoadDemandW - s.IdlePowerW) * Utilization);
        var limited = s.PowerLimitW is { } limit ? Math.Min(demand, limit) : demand;

        // The power at which the die would settle exactly at the throttle temperature for this inlet.
        var thermalLimit = (s.ThrottleTemperatureC - inletC - s.ThermalOffsetC) / s.ThermalCoefficientCPerW;
        ThermalThrottled = thermalLimit < limited && TemperatureC >= s.ThrottleTemperatureC - 1;
        PowerCapped = !ThermalThrottled && s.PowerLimitW is { } cap && demand > cap;
        var power = ThermalThrottled ? Math.Max(s.IdlePowerW, thermalLimit) : limited;

        // A capped board sits just under its limit (the real series: 698–700 W at a 700 W limit).
        PowerW = PowerCapped ? power - noise.Uniform(0, 2) : Math.Max(0, power + noise.Gaussian(power * 0.01));
        EnergyJoules += PowerW * dt;

        var steady = inletC + s.ThermalOffsetC + (s.ThermalCoefficientCPerW * PowerW);
        TemperatureC += (steady - TemperatureC) * (1 - Math.Exp(-dt / TemperatureTauSeconds));

        CoreClockMHz = Utilization < 0.05
            ? s.IdleClockMHz
            : Math.Clamp((s.MaxClockMHz * PowerW / s.ClockPowerReferenceW) + noise.Uniform(-50, 50), s.IdleClockMHz, s.MaxClockMHz);
        MemoryUsedBytes = Utilization < 0.05 ? s.MemoryIdleBytes : s.MemoryLoadBytes;
    }
}
