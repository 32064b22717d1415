using System.Xml;
using System.Xml.Linq;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Reads <c>nvidia-smi -q -x</c> (the nvsmi_device DTD, v11–v13). The DOCTYPE names a DTD file that is not
/// there and must not be fetched: DTD processing is ignored and no resolver is set.
/// Element names changed across drivers, so each reading tries the current name first, then the older one
/// (<c>clocks_event_reasons</c> ← <c>clocks_throttle_reasons</c>, <c>gpu_power_readings</c> ← <c>power_readings</c>).
/// The board index is the GPU's position in the file, which is nvidia-smi's (PCI bus order) index.
/// </summary>
public static class NvidiaSmiXmlParser
{
    private const string Format = "nvidia-smi -q -x";

    private static readonly (string Suffix, ClockEventReasons Bit)[] ReasonElements =
    [
        ("gpu_idle", ClockEventReasons.GpuIdle),
        ("applications_clocks_setting", ClockEventReasons.ApplicationsClocksSetting),
        ("sw_power_cap", ClockEventReasons.SwPowerCap),
        ("hw_slowdown", ClockEventReasons.HwSlowdown),
        ("hw_thermal_slowdown", ClockEventReasons.HwThermalSlowdown),
        ("hw_power_brake_slowdown", ClockEventReasons.HwPowerBrakeSlowdown),
        ("sync_boost", ClockEventReasons.SyncBoost),
        ("sw_thermal_slowdown", ClockEventReasons.SwThermalSlowdown),
        ("display_clocks_setting", ClockEventReasons.DisplayClockSetting),
    ];

    public static IReadOnlyList<AcceleratorReading> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new AcceleratorParseException(Format, e.LineNumber, e.Message);
        }

        var root = doc.Root;
        if (root is null || root.Name.LocalName != "nvidia_smi_log")
        {
            throw new AcceleratorParseException(Format, 1, $"root element is '{root?.Name.LocalName}', expected 'nvidia_smi_log'");
        }

        var driver = NvidiaSmiValue.Text(root.Element("driver_version")?.Value);
        var list = new List<AcceleratorReading>();
        foreach (var gpu in root.Elements("gpu"))
        {
            list.Add(Gpu(gpu, list.Count, driver));
        }

        if (list.Count == 0)
        {
            throw new AcceleratorParseException("nvidia-smi -q -x output holds no <gpu> element");
        }

        return list;
    }

    private static AcceleratorReading Gpu(XElement gpu, int index, string? driver)
    {
        double? Num(params string[] paths)
        {
            foreach (var path in paths)
            {
                var e = Find(gpu, path);
                if (e is null || NvidiaSmiValue.IsMissing(e.Value))
                {
                    continue;
                }

                try
                {
                    return NvidiaSmiValue.Number(e.Value);
                }
                catch (FormatException ex)
                {
                    throw new AcceleratorParseException(Format, ((IXmlLineInfo)e).LineNumber, $"<{path}>: {ex.Message}");
                }
            }

            return null;
        }

        var r = new AcceleratorReading
        {
            Index = index,
            Vendor = NvidiaSmiValue.Vendor,
            Driver = driver,
            Model = NvidiaSmiValue.Text(gpu.Element("product_name")?.Value),
            Uuid = NvidiaSmiValue.Text(gpu.Element("uuid")?.Value),
            Serial = NvidiaSmiValue.Text(gpu.Element("serial")?.Value),
            PciBusId = NvidiaSmiValue.Text(Find(gpu, "pci/pci_bus_id")?.Value) ?? NvidiaSmiValue.Text(gpu.Attribute("id")?.Value),
            TemperatureCelsius = Num("temperature/gpu_temp"),
            MemoryTemperatureCelsius = Num("temperature/memory_temp"),
            SlowdownTemperatureCelsius = Num("temperature/gpu_temp_slow_threshold"),
            PowerWatts = Num("gpu_power_readings/average_power_draw", "gpu_power_readings/power_draw",
                "power_readings/power_draw", "gpu_power_readings/instant_power_draw"),
            PowerLimitWatts = Num("gpu_power_readings/enforced_power_limit", "power_readings/enforced_power_limit",
                "gpu_power_readings/current_power_limit"),
            UtilizationRatio = Num("utilization/gpu_util") / 100.0,
            MemoryUsedBytes = Num("fb_memory_usage/used"),
            MemoryTotalBytes = Num("fb_memory_usage/total"),
            CoreClockHertz = Num("clocks/sm_clock"),
            MemoryClockHertz = Num("clocks/mem_clock"),
        };

        r.ClockEventReasons = Reasons(gpu.Element("clocks_event_reasons"), "clocks_event_reason_")
            ?? Reasons(gpu.Element("clocks_throttle_reasons"), "clocks_throttle_reason_");

        // Hopper+ split volatile ECC into SRAM/DRAM; older drivers give single_bit/double_bit totals.
        var corrected = Sum(Num("ecc_errors/volatile/sram_correctable"), Num("ecc_errors/volatile/dram_correctable"));
        var uncorrected = Sum(Num("ecc_errors/volatile/sram_uncorrectable_parity"), Num("ecc_errors/volatile/sram_uncorrectable_secded"),
            Num("ecc_errors/volatile/dram_uncorrectable"), Num("ecc_errors/volatile/sram_uncorrectable"));
        r.EccCorrected = corrected ?? Num("ecc_errors/volatile/single_bit/total");
        r.EccUncorrected = uncorrected ?? Num("ecc_errors/volatile/double_bit/total");
        return r;
    }

    private static XElement? Find(XElement from, string path)
    {
        XElement? e = from;
        foreach (var name in path.Split('/'))
        {
            e = e?.Element(name);
        }

        return e;
    }

    private static double? Sum(params double?[] values)
    {
        double? total = null;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                total = (total ?? 0) + x;
            }
        }

        return total;
    }

    private static ClockEventReasons? Reasons(XElement? element, string prefix)
    {
        if (element is null)
        {
            return null;
        }

        var mask = ClockEventReasons.None;
        var any = false;
        foreach (var (suffix, bit) in ReasonElements)
        {
            var e = element.Element(prefix + suffix);
            if (e is null || NvidiaSmiValue.IsMissing(e.Value))
            {
                continue;
            }

            any = true;
            if (e.Value.Trim().Equals("Active", StringComparison.OrdinalIgnoreCase))
            {
                mask |= bit;
            }
        }

        return any ? mask : null;
    }
}
