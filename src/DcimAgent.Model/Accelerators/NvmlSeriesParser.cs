using System.Text.Json;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Reads the NVML-like JSON lines series (fixtures/accelerators/nvidia-h100/nvml-series.jsonl): a
/// <c>{"device": {...}}</c> identity line per board, then one sample object per line with <c>t</c> (Unix seconds)
/// and the raw NVML units (<c>power_mw</c>, <c>energy_mj_total</c>, <c>mem_used_b</c>, <c>clock_sm_mhz</c>, ...).
/// A sample belongs to board <c>index</c> (0 when absent). Each sample line becomes one frame.
/// The node collector writes the same shape when it records NVML, so a recording replays here.
/// </summary>
public static class NvmlSeriesParser
{
    private const string Format = "nvml jsonl";

    public static IReadOnlyList<AcceleratorFrame> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var identities = new Dictionary<int, AcceleratorReading>();
        var frames = new List<AcceleratorFrame>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new AcceleratorParseException(Format, i + 1, "expected a JSON object");
                }

                if (root.TryGetProperty("device", out var device))
                {
                    var id = Identity(device);
                    identities[id.Index] = id;
                    continue;
                }

                if (!root.TryGetProperty("t", out var t) || t.ValueKind != JsonValueKind.Number)
                {
                    throw new AcceleratorParseException(Format, i + 1, "a sample needs 't' (Unix seconds)");
                }

                var index = Int(root, "index") ?? 0;
                var r = identities.TryGetValue(index, out var known) ? known.Clone() : new AcceleratorReading { Index = index, Vendor = NvidiaSmiValue.Vendor };
                Sample(root, r);
                frames.Add(new AcceleratorFrame((long)Math.Round(t.GetDouble() * 1000), [r]));
            }
            catch (JsonException e)
            {
                throw new AcceleratorParseException(Format, i + 1, e.Message);
            }
            catch (InvalidOperationException e)
            {
                throw new AcceleratorParseException(Format, i + 1, "a field has the wrong JSON type: " + e.Message);
            }
        }

        if (frames.Count == 0)
        {
            throw new AcceleratorParseException("nvml jsonl holds no sample line");
        }

        return frames;
    }

    private static AcceleratorReading Identity(JsonElement d) => new()
    {
        Index = Int(d, "index") ?? 0,
        Vendor = NvidiaSmiValue.Vendor,
        Model = Str(d, "name"),
        Uuid = Str(d, "uuid"),
        Serial = Str(d, "serial"),
        PciBusId = Str(d, "pci_bus_id"),
        Driver = Str(d, "driver"),
        SlowdownTemperatureCelsius = Num(d, "temp_slowdown_c"),
    };

    private static void Sample(JsonElement s, AcceleratorReading r)
    {
        r.TemperatureCelsius = Num(s, "temp_gpu_c");
        r.MemoryTemperatureCelsius = Num(s, "temp_mem_c");
        r.PowerWatts = Num(s, "power_mw") / 1000.0;
        r.PowerLimitWatts = Num(s, "power_limit_mw") / 1000.0;
        r.EnergyJoules = Num(s, "energy_mj_total") / 1000.0;
        r.UtilizationRatio = Num(s, "util_gpu_pct") / 100.0;
        r.MemoryUsedBytes = Num(s, "mem_used_b");
        r.MemoryTotalBytes = Num(s, "mem_total_b");
        r.CoreClockHertz = Num(s, "clock_sm_mhz") * 1e6;
        r.MemoryClockHertz = Num(s, "clock_mem_mhz") * 1e6;
        if (Num(s, "throttle_reasons") is { } mask)
        {
            r.ClockEventReasons = (ClockEventReasons)(ulong)mask;
        }

        r.EccCorrected = Num(s, "ecc_corrected_volatile");
        r.EccUncorrected = Num(s, "ecc_uncorrected_volatile");
    }

    private static string? Str(JsonElement e, string name) => Field(e, name, JsonValueKind.String)?.GetString();

    private static double? Num(JsonElement e, string name) => Field(e, name, JsonValueKind.Number)?.GetDouble();

    private static int? Int(JsonElement e, string name) => Field(e, name, JsonValueKind.Number)?.GetInt32();

    /// <summary>The property when present and of the expected kind; null when absent or JSON null; otherwise an error.</summary>
    private static JsonElement? Field(JsonElement e, string name, JsonValueKind kind)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == kind ? v : throw new InvalidOperationException($"'{name}' is {v.ValueKind}, expected {kind}");
    }
}
