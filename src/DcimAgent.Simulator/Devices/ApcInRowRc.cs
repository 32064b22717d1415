using DcimAgent.Simulator.Physics;
using DcimAgent.Simulator.Snmp;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Devices;

/// <summary>
/// An APC InRow RC chilled-water cooler (PowerNet-MIB airIRRC, .1.3.6.1.4.1.318.1.1.13.3.2), shaped like the
/// ACRC103 recording: metric columns in tenths of °C, cooling output in tenths of kW, air flow in L/s, water
/// flow in hundredths of L/s, fan speed in tenths of %, operating mode 2 (on).
/// </summary>
public sealed class ApcInRowRc(SimulatedDeviceSpec spec) : ISimulatedDevice
{
    private const string Root = "1.3.6.1.4.1.318.1.1.13.3.2";

    public SimulatedDeviceSpec Spec { get; } = spec;

    public SortedOidTable Render(HallModel hall)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var c = hall.Cooling;
        var s = $"{Root}.2.2";
        return new OidTableBuilder()
            .System("APC Web/SNMP Management Card (MB:v4.1.1 PF:v3.9.2 PN:apc_hw03_aos_392.bin AF1:v3.8.0 AN1:apc_hw03_acrc_380.bin MN:ACRC602 HR:04 SN: JK2013004051 MD:06/08/2020) (simulated)", "1.3.6.1.4.1.318.1.3.14.5", Spec.Name, hall.Time)
            .Int($"{Root}.1.2.2.0", Tenths(CoolingPlant.AirSetpointC))
            .Text($"{Root}.2.2.1.4.0", "ACRC602")
            .Text($"{Root}.2.2.1.5.0", "JK2013004051")
            .Text($"{Root}.2.2.1.6.0", "7.5.0")
            .Int($"{s}.1.0", 2)
            .Int($"{s}.2.0", Tenths(c.InRowOutputW / 1000))
            .Int($"{s}.5.0", (long)Math.Round(c.InRowAirFlowLitresPerSecond))
            .Int($"{s}.7.0", Tenths(hall.InletC))
            .Int($"{s}.9.0", Tenths(c.SupplyAirC))
            .Int($"{s}.11.0", Tenths(c.ReturnAirC))
            .Int($"{s}.16.0", Tenths(c.InRowFanRatio * 100))
            .Int($"{s}.22.0", (long)Math.Round(CoolingPlant.InRowWaterFlowLitresPerSecond * 100))
            .Int($"{s}.24.0", Tenths(c.WaterSupplyC))
            .Int($"{s}.26.0", Tenths(c.InRowWaterLeavingC))
            .Build();
    }

    private static long Tenths(double v) => (long)Math.Round(v * 10);
}
