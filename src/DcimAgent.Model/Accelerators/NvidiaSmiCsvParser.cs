using System.Globalization;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Reads <c>nvidia-smi --query-gpu=FIELDS --format=csv[,noheader][,nounits]</c>. With a header the columns are
/// found by name (units in brackets dropped); without one the caller says which fields it queried.
/// Power prefers <c>power.draw</c> (on current drivers the 1 s average NVML also returns) over
/// <c>power.draw.instant</c>; the limit prefers <c>enforced.power.limit</c> over <c>power.limit</c>.
/// </summary>
public static class NvidiaSmiCsvParser
{
    private const string Format = "nvidia-smi csv";

    /// <summary>The fields the nvidia-smi collector queries (all present on driver 530 and later).</summary>
    public static readonly IReadOnlyList<string> QueryFields =
    [
        "index", "uuid", "name", "serial", "pci.bus_id", "driver_version", "temperature.gpu", "temperature.memory",
        "power.draw", "enforced.power.limit", "utilization.gpu", "memory.used", "memory.total",
        "clocks.current.sm", "clocks.current.memory", "clocks_event_reasons.active",
        "ecc.errors.corrected.volatile.total", "ecc.errors.uncorrected.volatile.total",
    ];

    /// <param name="fields">The queried fields when the output has no header line; ignored when it has one.</param>
    public static IReadOnlyList<AcceleratorReading> Parse(string text, IReadOnlyList<string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var result = new List<AcceleratorReading>();
        string[]? columns = fields?.ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (IsHeader(cells))
            {
                columns = cells.Select(c => c.Split(' ')[0].Trim()).ToArray();
                continue;
            }

            if (columns is null)
            {
                throw new AcceleratorParseException(Format, i + 1, "no header line and no field list: run with --format=csv (header) or pass the queried fields");
            }

            if (cells.Length != columns.Length)
            {
                throw new AcceleratorParseException(Format, i + 1, $"{cells.Length} values for {columns.Length} columns");
            }

            result.Add(Row(columns, cells, i + 1, result.Count));
        }

        if (result.Count == 0)
        {
            throw new AcceleratorParseException("nvidia-smi csv output holds no GPU row");
        }

        return result;
    }

    private static bool IsHeader(string[] cells) =>
        cells.Any(c => c.StartsWith("uuid", StringComparison.Ordinal) || c.StartsWith("index", StringComparison.Ordinal)
            || c.StartsWith("temperature.", StringComparison.Ordinal) || c.StartsWith("power.", StringComparison.Ordinal));

    private static AcceleratorReading Row(string[] columns, string[] cells, int lineNo, int ordinal)
    {
        var r = new AcceleratorReading { Index = ordinal, Vendor = NvidiaSmiValue.Vendor };
        var v = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < columns.Length; k++)
        {
            v[columns[k]] = cells[k];
        }

        string? Get(params string[] names)
        {
            foreach (var n in names)
            {
                if (v.TryGetValue(n, out var s) && !NvidiaSmiValue.IsMissing(s))
                {
                    return s;
                }
            }

            return null;
        }

        double? Num(params string[] names)
        {
            var s = Get(names);
            try
            {
                return NvidiaSmiValue.Number(s);
            }
            catch (FormatException e)
            {
                throw new AcceleratorParseException($"{Format} line {lineNo}, column {names[0]}: {e.Message}", e);
            }
        }

        if (Get("index") is { } index)
        {
            r.Index = int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new AcceleratorParseException(Format, lineNo, $"index '{index}' is not an integer");
        }

        r.Uuid = Get("uuid", "gpu_uuid");
        r.Model = Get("name", "gpu_name");
        r.Serial = Get("serial");
        r.PciBusId = Get("pci.bus_id", "gpu_bus_id");
        r.Driver = Get("driver_version");
        r.TemperatureCelsius = Num("temperature.gpu");
        r.MemoryTemperatureCelsius = Num("temperature.memory");
        r.PowerWatts = Num("power.draw", "power.draw.average", "power.draw.instant");
        r.PowerLimitWatts = Num("enforced.power.limit", "power.limit");
        r.UtilizationRatio = Num("utilization.gpu") / 100.0;
        var mib = 1024.0 * 1024.0;
        // With nounits the memory columns are bare MiB numbers; with units Number() already scaled them.
        r.MemoryUsedBytes = Bytes(Get("memory.used"), Num("memory.used"), mib);
        r.MemoryTotalBytes = Bytes(Get("memory.total"), Num("memory.total"), mib);
        r.CoreClockHertz = Hertz(Get("clocks.current.sm", "clocks.sm"), Num("clocks.current.sm", "clocks.sm"));
        r.MemoryClockHertz = Hertz(Get("clocks.current.memory", "clocks.mem"), Num("clocks.current.memory", "clocks.mem"));
        try
        {
            if (NvidiaSmiValue.Hex(Get("clocks_event_reasons.active", "clocks_throttle_reasons.active")) is { } mask)
            {
                r.ClockEventReasons = (ClockEventReasons)mask;
            }
        }
        catch (FormatException e)
        {
            throw new AcceleratorParseException($"{Format} line {lineNo}, column clocks_event_reasons.active: {e.Message}", e);
        }

        r.EccCorrected = Num("ecc.errors.corrected.volatile.total");
        r.EccUncorrected = Num("ecc.errors.uncorrected.volatile.total");
        return r;
    }

    private static double? Bytes(string? raw, double? value, double mib) =>
        value is null ? null : raw!.Contains(' ', StringComparison.Ordinal) ? value : value * mib;

    private static double? Hertz(string? raw, double? value) =>
        value is null ? null : raw!.Contains(' ', StringComparison.Ordinal) ? value : value * 1e6;
}
