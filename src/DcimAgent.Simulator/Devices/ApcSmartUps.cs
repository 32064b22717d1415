using DcimAgent.Simulator.Physics;
using DcimAgent.Simulator.Snmp;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Devices;

/// <summary>
/// An APC Smart-UPS SRT on a Network Management Card (PowerNet-MIB .1.3.6.1.4.1.318.1.1.1), shaped like the
/// SMT750X recording: the high-precision objects as Gauge32 tenths, the older "Adv" objects in whole units,
/// runtime as TimeTicks, output status 2 (onLine).
/// </summary>
public sealed class ApcSmartUps(SimulatedDeviceSpec spec) : ISimulatedDevice
{
    private const string Root = "1.3.6.1.4.1.318.1.1.1";

    public SimulatedDeviceSpec Spec { get; } = spec;

    public SortedOidTable Render(HallModel hall)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var u = hall.Ups;
        return new OidTableBuilder()
            .System("APC Web/SNMP Management Card (MB:v4.1.0 PF:v7.0.8 PN:apc_hw05_aos_708.bin AF1:v7.0.8 AN1:apc_hw05_sumx_708.bin MN:AP9641 HR:08 SN: ZA2015031999 MD:04/10/2020) (Embedded PowerNet SNMP Agent SW v2.2 compatible) (simulated)", "1.3.6.1.4.1.318.1.3.27", Spec.Name, hall.Time)
            .Text($"{Root}.1.1.1.0", "Smart-UPS SRT 10000")
            .Text($"{Root}.1.2.1.0", "UPS 16.5 (ID1029)")
            .Text($"{Root}.1.2.3.0", "AS2007240911")
            .Int($"{Root}.2.2.1.0", (long)Math.Round(u.BatteryChargeRatio * 100))
            .Int($"{Root}.2.2.2.0", (long)Math.Round(u.BatteryTemperatureC))
            .Ticks($"{Root}.2.2.3.0", u.RuntimeSeconds * 100)
            .Gauge($"{Root}.2.3.1.0", u.BatteryChargeRatio * 1000)
            .Gauge($"{Root}.2.3.2.0", u.BatteryTemperatureC * 10)
            .Gauge($"{Root}.3.2.1.0", u.InputVoltage)
            .Gauge($"{Root}.3.3.1.0", u.InputVoltage * 10)
            .Int($"{Root}.4.1.1.0", 2)
            .Gauge($"{Root}.4.2.1.0", u.OutputVoltage)
            .Gauge($"{Root}.4.2.3.0", u.LoadRatio * 100)
            .Gauge($"{Root}.4.2.4.0", u.OutputCurrentA)
            .Int($"{Root}.4.2.8.0", (long)Math.Round(u.OutputPowerW))
            .Gauge($"{Root}.4.3.1.0", u.OutputVoltage * 10)
            .Gauge($"{Root}.4.3.3.0", u.LoadRatio * 1000)
            .Gauge($"{Root}.4.3.4.0", u.OutputCurrentA * 10)
            .Build();
    }
}
