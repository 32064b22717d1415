using System.Globalization;
using DcimAgent.Simulator.Physics;
using DcimAgent.Simulator.Snmp;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Devices;

/// <summary>
/// An APC Rack PDU 2G (PowerNet-MIB rPDU2, .1.3.6.1.4.1.318.1.1.26) shaped like the AP8959EU3 recording: INTEGER
/// readings, power in hundredths of kW, energy in tenths of kWh, current in tenths of A, -1 for a reading the
/// model lacks. Three phases, six 16 A banks (two per phase), eight outlets switched and metered, a
/// temperature/humidity probe at the rear door on the A feed.
/// </summary>
public sealed class ApcRackPdu(SimulatedDeviceSpec spec) : ISimulatedDevice
{
    private const string Root = "1.3.6.1.4.1.318.1.1.26";

    public SimulatedDeviceSpec Spec { get; } = spec;

    public SortedOidTable Render(HallModel hall)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var pdu = hall.Pdu(Spec.Name);
        var serial = "5A19" + Spec.Port.ToString("00000000", CultureInfo.InvariantCulture);
        var t = new OidTableBuilder()
            .System($"APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.4.0 PN:apc_hw05_aos_640.bin AF1:v6.4.0 AN1:apc_hw05_rpdu2g_640.bin MN:AP8886 HR:02 SN: {serial} MD:09/20/2019) (simulated)", "1.3.6.1.4.1.318.1.3.4.6", Spec.Name, hall.Time);

        // rPDU2IdentTable: name, location, hardware revision, firmware, manufacture date, model, serial.
        t.Int($"{Root}.2.1.1.1", 1).Int($"{Root}.2.1.2.1", 1).Text($"{Root}.2.1.3.1", Spec.Name)
            .Text($"{Root}.2.1.4.1", $"{HallLayout.Room} rack {pdu.Rack} feed {pdu.Feed}").Text($"{Root}.2.1.5.1", "02")
            .Text($"{Root}.2.1.6.1", "v6.4.0").Text($"{Root}.2.1.7.1", "09/20/2019").Text($"{Root}.2.1.8.1", "AP8886")
            .Text($"{Root}.2.1.9.1", serial);

        // rPDU2DeviceStatusTable (module 1 is this PDU).
        var d = $"{Root}.4.3.1";
        t.Int($"{d}.1.1", 1).Int($"{d}.2.1", 1).Text($"{d}.3.1", Spec.Name).Int($"{d}.4.1", 2)
            .Int($"{d}.5.1", Hundredths(pdu.PowerW / 1000)).Int($"{d}.6.1", Hundredths(pdu.PowerW * 1.1 / 1000))
            .Text($"{d}.7.1", "09/20/2019 08:00:00").Text($"{d}.8.1", "09/20/2019 08:00:00")
            .Int($"{d}.9.1", (long)(pdu.EnergyJoules / 3.6e5)).Text($"{d}.10.1", "09/20/2019 08:00:00")
            .Int($"{d}.16.1", Hundredths(pdu.PowerW / pdu.PowerFactor / 1000)).Int($"{d}.17.1", Hundredths(pdu.PowerFactor));

        // rPDU2PhaseStatusTable: number, load state, current (dA), voltage (V), power (hundredths kW), PF.
        var ph = $"{Root}.6.3.1";
        for (var p = 1; p <= PduModel.Phases; p++)
        {
            t.Int($"{ph}.1.{p}", p).Int($"{ph}.2.{p}", 1).Int($"{ph}.3.{p}", p).Int($"{ph}.4.{p}", 2)
                .Int($"{ph}.5.{p}", Tenths(pdu.PhaseCurrentA(p))).Int($"{ph}.6.{p}", (long)Math.Round(pdu.PhaseVoltage(p)))
                .Int($"{ph}.7.{p}", Hundredths(pdu.PhasePowerW(p) / 1000)).Int($"{ph}.8.{p}", Hundredths(pdu.PhasePowerW(p) / pdu.PowerFactor / 1000))
                .Int($"{ph}.9.{p}", Hundredths(pdu.PowerFactor));
        }

        // Banks: two 16 A breakers per phase, each carrying half of its phase.
        var bp = $"{Root}.8.2.1";
        var bs = $"{Root}.8.3.1";
        for (var b = 1; b <= 6; b++)
        {
            var phase = ((b - 1) % PduModel.Phases) + 1;
            t.Int($"{bp}.1.{b}", b).Int($"{bp}.2.{b}", 1).Int($"{bp}.3.{b}", b).Int($"{bp}.4.{b}", phase).Int($"{bp}.5.{b}", 16);
            t.Int($"{bs}.1.{b}", b).Int($"{bs}.2.{b}", 1).Int($"{bs}.3.{b}", b).Int($"{bs}.4.{b}", 1)
                .Int($"{bs}.5.{b}", Tenths(pdu.PhaseCurrentA(phase) / 2));
        }

        var sw = $"{Root}.9.2.3.1";
        var me = $"{Root}.9.4.3.1";
        foreach (var o in pdu.Outlets)
        {
            var n = o.Number;
            var current = o.PowerW / (pdu.PhaseVoltage(o.Phase) * pdu.PowerFactor);
            t.Int($"{sw}.1.{n}", n).Int($"{sw}.2.{n}", 1).Text($"{sw}.3.{n}", o.Name).Int($"{sw}.4.{n}", n).Int($"{sw}.5.{n}", o.On ? 2 : 1);
            t.Int($"{me}.1.{n}", n).Int($"{me}.2.{n}", 1).Text($"{me}.3.{n}", o.Name).Int($"{me}.4.{n}", n).Int($"{me}.5.{n}", 1)
                .Int($"{me}.6.{n}", Tenths(current)).Int($"{me}.7.{n}", (long)Math.Round(o.PowerW))
                .Int($"{me}.8.{n}", (long)Math.Round(o.PowerW * 1.05)).Text($"{me}.9.{n}", "09/20/2019 08:00:00")
                .Text($"{me}.10.{n}", "09/20/2019 08:00:00").Int($"{me}.11.{n}", (long)(o.EnergyJoules / 3.6e5));
        }

        if (pdu.Feed == "A")
        {
            // Rear-door probe: exhaust air, warmer than the inlet by the rack's air ΔT.
            var exhaust = hall.RackInletC(pdu.Rack) + 6 + (pdu.PowerW * 2 / 1000);
            var s = $"{Root}.10.2.2.1";
            t.Int($"{s}.1.1", 1).Int($"{s}.2.1", 1).Text($"{s}.3.1", "Rear Door").Int($"{s}.4.1", 1).Int($"{s}.5.1", 4)
                .Int($"{s}.6.1", 1).Int($"{s}.7.1", Tenths((exhaust * 9 / 5) + 32)).Int($"{s}.8.1", Tenths(exhaust))
                .Int($"{s}.9.1", 1).Int($"{s}.10.1", 38).Int($"{s}.11.1", 1);
        }

        return t.Build();
    }

    private static long Tenths(double v) => (long)Math.Round(v * 10);

    private static long Hundredths(double v) => (long)Math.Round(v * 100);
}
