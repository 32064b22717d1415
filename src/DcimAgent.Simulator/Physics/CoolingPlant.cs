namespace DcimAgent.Simulator.Physics;

/// <summary>
/// One chiller feeding the in-row coolers of the row over a chilled-water loop. While the chiller runs it holds
/// the water at its setpoint and the in-row units hold the supply air at theirs. When it trips, the loop keeps
/// circulating but nothing takes heat out: the water warms towards what the hall's heat pushes it to, the
/// in-row coils lose capacity and the supply air (and so every rack inlet) follows the water up.
/// </summary>
public sealed class CoolingPlant
{
    public const double WaterSetpointC = 12;
    public const double AirSetpointC = 22;

    /// <summary>Where the loop water settles with the chiller off and the hall at full heat.</summary>
    public const double TrippedWaterC = 42;

    /// <summary>Supply air can only be this much warmer than the water reaching the coil.</summary>
    public const double CoilApproachC = 8;

    public const double WaterFlowLitresPerSecond = 3.0;
    public const double InRowWaterFlowLitresPerSecond = 1.5;
    public const double ChillerCop = 4.5;
    public const double PumpsW = 2000;
    public const double InRowFanMaxW = 1500;
    public const double InRowAirFlowMaxLitresPerSecond = 3000;

    private const double WarmingTauSeconds = 120;
    private const double CoolingTauSeconds = 90;

    public double WaterSupplyC { get; private set; } = WaterSetpointC;

    public double WaterReturnC { get; private set; } = WaterSetpointC + 5;

    public bool ChillerRunning { get; private set; } = true;

    /// <summary>Heat the chiller takes out of the water now (W).</summary>
    public double ChillerOutputW { get; private set; }

    public double ChillerElectricalW { get; private set; }

    public double SupplyAirC { get; private set; } = AirSetpointC;

    public double ReturnAirC { get; private set; } = AirSetpointC + 10;

    /// <summary>Heat the in-row coil takes out of the air now (W).</summary>
    public double InRowOutputW { get; private set; }

    public double InRowFanRatio { get; private set; } = 0.3;

    public double InRowAirFlowLitresPerSecond => InRowFanRatio * InRowAirFlowMaxLitresPerSecond;

    public double InRowWaterLeavingC { get; private set; } = WaterSetpointC + 5;

    public double InRowFanW => Math.Pow(InRowFanRatio, 3) * InRowFanMaxW;

    /// <summary>Electrical power of all cooling equipment (chiller, pumps, in-row fans): the cooling meter.</summary>
    public double ElectricalW => ChillerElectricalW + PumpsW + InRowFanW;

    public void Step(double dt, double heatW, double heatMaxW, bool tripped, Noise noise)
    {
        ChillerRunning = !tripped;
        var target = ChillerRunning ? WaterSetpointC : WaterSetpointC + ((TrippedWaterC - WaterSetpointC) * Math.Clamp(heatW / heatMaxW, 0.3, 1.2));
        var tau = ChillerRunning ? CoolingTauSeconds : WarmingTauSeconds;
        WaterSupplyC += (target - WaterSupplyC) * (1 - Math.Exp(-dt / tau));

        // Fans follow the heat load, and run flat out once the air can no longer be held at its setpoint.
        SupplyAirC = Math.Max(AirSetpointC, WaterSupplyC + CoilApproachC) + noise.Gaussian(0.1);
        var holding = SupplyAirC <= AirSetpointC + 0.5;
        InRowFanRatio = holding ? Math.Clamp(0.3 + (0.6 * heatW / heatMaxW), 0.3, 1.0) : 1.0;

        // Air ΔT across the racks: Q = ρ·cp·V̇·ΔT with ρ·cp ≈ 1.2 kJ/(m³·K).
        var airDeltaT = heatW / (1.2 * 1005 * InRowAirFlowLitresPerSecond / 1000);
        ReturnAirC = SupplyAirC + 1 + airDeltaT;

        // The coil removes what the air gives up when the water is cold enough; less as the water warms.
        var coilEffectiveness = Math.Clamp((ReturnAirC - WaterSupplyC) / (ReturnAirC - WaterSetpointC), 0, 1);
        InRowOutputW = heatW * coilEffectiveness;
        InRowWaterLeavingC = WaterSupplyC + (InRowOutputW / (4186 * InRowWaterFlowLitresPerSecond));
        WaterReturnC = WaterSupplyC + (InRowOutputW / (4186 * WaterFlowLitresPerSecond));

        ChillerOutputW = ChillerRunning ? InRowOutputW : 0;
        ChillerElectricalW = ChillerRunning ? ChillerOutputW / ChillerCop : 0;
    }
}
