using DcimAgent.Simulator.Physics;
using DcimAgent.Simulator.Snmp;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Devices;

/// <summary>
/// A chiller on the generic PowerNet coolingUnit tables (.1.3.6.1.4.1.318.1.1.27), shaped like the InRow DX
/// recording: analog rows carry their own description, unit text and scale (value / scale), metric and
/// imperial rows side by side; discrete rows carry text states. The unit status reads "Fault" while tripped,
/// and the alarm rows (one per alarm, "Active"/"Inactive") show which alarm tripped it. "Unit Input Power" is
/// the chiller's own electrical draw (compressors), so output over input is its COP.
/// </summary>
public sealed class ApcChiller(SimulatedDeviceSpec spec) : ISimulatedDevice
{
    private const string Root = "1.3.6.1.4.1.318.1.1.27.1";

    public SimulatedDeviceSpec Spec { get; } = spec;

    public SortedOidTable Render(HallModel hall)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var c = hall.Cooling;
        var t = new OidTableBuilder()
            .System("APC Uniflair chiller (MB:v4.1.0 PF:v6.8.8 AN1:apc_hw06_chiller_669.bin MN:TRAC-CW HR:06 SN: UF2019005222) (simulated)", "1.3.6.1.4.1.318.1.3.14.23", Spec.Name, hall.Time)
            .Int($"{Root}.1.0", 1)
            .Int($"{Root}.2.1.1.1", 1).Text($"{Root}.2.1.4.1", "Uniflair TRAC-CW 120").Text($"{Root}.2.1.5.1", "UF2019005222").Text($"{Root}.2.1.6.1", "6.6.9");

        var analog = new (string Description, double Value, string Unit)[]
        {
            ("Chilled Water Supply Temperature", c.WaterSupplyC, "C"),
            ("Chilled Water Supply Temperature", (c.WaterSupplyC * 9 / 5) + 32, "F"),
            ("Chilled Water Return Temperature", c.WaterReturnC, "C"),
            ("Chilled Water Return Temperature", (c.WaterReturnC * 9 / 5) + 32, "F"),
            ("Cool Output", c.ChillerOutputW / 1000, "kW"),
            ("Unit Input Power", c.ChillerElectricalW / 1000, "kW"),
            ("Outdoor Air Temperature", 18, "C"),
        };
        var a = $"{Root}.4.1.2.1";
        for (var i = 0; i < analog.Length; i++)
        {
            var row = $"1.{i + 1}";
            t.Text($"{a}.2.{row}", analog[i].Description).Int($"{a}.3.{row}", (long)Math.Round(analog[i].Value * 10))
                .Text($"{a}.4.{row}", analog[i].Unit).Int($"{a}.5.{row}", 10);
        }

        var discrete = new (string Description, string Value)[]
        {
            ("Unit Status", c.ChillerRunning ? "Running" : "Fault"),
            ("Compressor 1 Status", c.ChillerRunning ? "On" : "Tripped"),
            ("Compressor 1 High Pressure Alarm", c.ChillerRunning ? "Inactive" : "Active"),
            ("Chilled Water Flow Alarm", "Inactive"),
        };
        var d = $"{Root}.4.2.2.1";
        for (var i = 0; i < discrete.Length; i++)
        {
            var row = $"1.{i + 1}";
            t.Text($"{d}.2.{row}", discrete[i].Description).Text($"{d}.3.{row}", discrete[i].Value);
        }

        return t.Build();
    }
}
