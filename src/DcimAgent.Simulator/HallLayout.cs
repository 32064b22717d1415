using System.Globalization;

namespace DcimAgent.Simulator;

/// <summary>
/// Names, racks and ports of everything in the hall, derived only from the options so config/demo.yaml and the
/// simulator agree: room hall-1, row A, racks A01…AN. Each rack has an accelerator host (H100 ×8; the last rack
/// of two or more holds an Ascend 910B3 ×8 host instead) and two PDUs (feeds A and B). SNMP ports: the PDUs
/// from <see cref="HallOptions.SnmpBasePort"/> in rack order (A then B), then the UPS, the in-row cooler, the
/// chiller and the iDRAC of the first host.
/// </summary>
public sealed class HallLayout
{
    public const string Room = "hall-1";
    public const string Row = "A";
    public const int MaxRacks = 16;

    public HallLayout(HallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Racks is < 1 or > MaxRacks)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"racks must be 1..{MaxRacks}, got {options.Racks}");
        }

        Options = options;
        var racks = new List<string>();
        var hosts = new List<(string Host, string Rack, bool Ascend)>();
        var devices = new List<SimulatedDeviceSpec>();
        var port = options.SnmpBasePort;
        for (var r = 1; r <= options.Racks; r++)
        {
            var rack = string.Create(CultureInfo.InvariantCulture, $"A{r:00}");
            racks.Add(rack);
            var ascend = options.Racks >= 2 && r == options.Racks;
            var lower = rack.ToLowerInvariant();
            hosts.Add(((ascend ? "npu-" : "gpu-") + lower, rack, ascend));
            devices.Add(new SimulatedDeviceSpec($"pdu-{lower}-a", SimulatedDeviceKind.ApcRackPdu, port++, rack, "A", false));
            devices.Add(new SimulatedDeviceSpec($"pdu-{lower}-b", SimulatedDeviceKind.ApcRackPdu, port++, rack, "B", false));
        }

        devices.Add(new SimulatedDeviceSpec("ups-1", SimulatedDeviceKind.ApcSmartUps, port++, null, null, true));
        devices.Add(new SimulatedDeviceSpec("inrow-a1", SimulatedDeviceKind.ApcInRowRc, port++, racks[0], null, false));
        devices.Add(new SimulatedDeviceSpec("chiller-1", SimulatedDeviceKind.ApcChiller, port++, null, null, false));
        devices.Add(new SimulatedDeviceSpec("bmc-" + racks[0].ToLowerInvariant(), SimulatedDeviceKind.DellIdrac, port, racks[0], null, false));
        Racks = racks;
        Hosts = hosts;
        SnmpDevices = devices;
    }

    public HallOptions Options { get; }

    public IReadOnlyList<string> Racks { get; }

    /// <summary>Accelerator hosts with their rack; <c>Ascend</c> marks the Huawei host.</summary>
    public IReadOnlyList<(string Host, string Rack, bool Ascend)> Hosts { get; }

    public IReadOnlyList<SimulatedDeviceSpec> SnmpDevices { get; }

    public const string MainsMeter = "mains-1";
    public const string CoolingMeter = "meter-cooling-1";

    /// <summary>Topic an accelerator host publishes its dcim-json document on (template dcim/{site}/{rack}/{device}/accelerators).</summary>
    public static string AcceleratorTopic(string site, string rack, string host) => $"dcim/{site}/{rack}/{host}/accelerators";

    /// <summary>Topic a facility meter publishes on (template bms/{site}/meters/{device}).</summary>
    public static string MeterTopic(string site, string meter) => $"bms/{site}/meters/{meter}";
}
