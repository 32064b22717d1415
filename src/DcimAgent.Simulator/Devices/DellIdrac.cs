using System.Globalization;
using DcimAgent.Simulator.Physics;
using DcimAgent.Simulator.Snmp;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Devices;

/// <summary>
/// The iDRAC 9 of the first accelerator host (IDRAC-MIB-SMIv2, .1.3.6.1.4.1.674.10892.5), shaped like the
/// R640 recording: empty sysDescr, amperage probes typed 24 (PSU watts) and 26 (system watts), temperatures in
/// tenths of °C with location names, fan speeds in RPM, power supply status 3 (ok).
/// </summary>
public sealed class DellIdrac(SimulatedDeviceSpec spec) : ISimulatedDevice
{
    private const string Root = "1.3.6.1.4.1.674.10892.5";
    private const int Supplies = 6;
    private const int Fans = 6;

    public SimulatedDeviceSpec Spec { get; } = spec;

    public SortedOidTable Render(HallModel hall)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var host = hall.Hosts.First(h => h.Rack == Spec.Rack);
        var inlet = hall.RackInletC(host.Rack);
        var t = new OidTableBuilder()
            .System(string.Empty, Root, Spec.Name, hall.Time)
            .Text($"{Root}.1.1.8.0", "7.00.60.00")
            .Text($"{Root}.1.3.2.0", "DEMO9A1")
            .Text($"{Root}.1.3.12.0", "PowerEdge XE9680");

        var amps = $"{Root}.4.600.30.1";
        for (var i = 1; i <= Supplies; i++)
        {
            t.Int($"{amps}.6.1.{i}", (long)Math.Round(host.PowerW / Supplies)).Int($"{amps}.7.1.{i}", 24)
                .Text($"{amps}.8.1.{i}", $"PS{i} Input Power");
        }

        t.Int($"{amps}.6.1.{Supplies + 1}", (long)Math.Round(host.PowerW)).Int($"{amps}.7.1.{Supplies + 1}", 26)
            .Text($"{amps}.8.1.{Supplies + 1}", "System Board Pwr Consumption");

        var psu = $"{Root}.4.600.12.1";
        for (var i = 1; i <= Supplies; i++)
        {
            t.Int($"{psu}.5.1.{i}", 3).Text($"{psu}.8.1.{i}", $"PS{i} Status");
        }

        var cpu = 45 + (20 * host.Utilization) + (inlet - 23);
        var temps = new (string Name, double C)[]
        {
            ("CPU1 Temp", cpu),
            ("CPU2 Temp", cpu - 2),
            ("System Board Inlet Temp", inlet),
            ("System Board Exhaust Temp", inlet + 8 + (host.PowerW / 1000)),
        };
        var tp = $"{Root}.4.700.20.1";
        for (var i = 0; i < temps.Length; i++)
        {
            t.Int($"{tp}.6.1.{i + 1}", (long)Math.Round(temps[i].C * 10)).Text($"{tp}.8.1.{i + 1}", temps[i].Name);
        }

        var rpm = Math.Clamp(6000 + (4000 * host.Utilization) + (Math.Max(0, inlet - 25) * 300), 3000, 16800);
        var fan = $"{Root}.4.700.12.1";
        for (var i = 1; i <= Fans; i++)
        {
            t.Int($"{fan}.6.1.{i}", (long)(Math.Round(rpm / 120) * 120))
                .Text($"{fan}.8.1.{i}", string.Create(CultureInfo.InvariantCulture, $"System Board Fan{i}A"));
        }

        return t.Build();
    }
}
