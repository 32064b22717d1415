using System.Globalization;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Reads the board table of <c>npu-smi info</c>. The layouts differ by chip generation and are told apart by
/// their header cells, not by column positions (widths vary between releases, and documentation copies lose
/// or gain a space):
/// <list type="bullet">
/// <item>910/910B: <c>| NPU Name | Health | Power(W) Temp(C) Hugepages |</c> over <c>| Chip | Bus-Id | AICore(%) Memory-Usage(MB) HBM-Usage(MB) |</c>;</item>
/// <item>310: the second header is <c>| Chip Device | Bus-Id | AICore(%) Memory-Usage(MB) |</c> (no HBM: DDR is the device memory);</item>
/// <item>A3 (910_93): <c>| Chip Phy-ID |</c>, two dies per NPU; the second die's first line repeats the NPU id and
/// shows power as <c>-</c> because the card's power is reported once, on die 0;</item>
/// <item>950: <c>| NPU ID | Name | Health | ...</c>, the id in its own cell and <c>NPU Util(%)</c> instead of AICore.</item>
/// </list>
/// Each die is a pair of lines; the process table after the boards is not read.
/// </summary>
internal static class NpuSmiTableParser
{
    private const string Format = "npu-smi info";

    /// <summary>Parses the table whose header starts at <paramref name="headerLine"/> (0-based into <paramref name="lines"/>).</summary>
    public static void Parse(IReadOnlyList<string> lines, int firstLine, int lineOffset, NpuSmiBoards boards)
    {
        string? driver = null;
        var healthCell = -1;
        var hasHbm = false;
        var i = firstLine;

        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Contains("Version:", StringComparison.Ordinal))
            {
                var v = line[(line.IndexOf("Version:", StringComparison.Ordinal) + "Version:".Length)..].Trim(' ', '|', '\t');
                driver = NpuSmiText.Redacted(v) ? null : v;
            }
            else if (line.StartsWith('|') && line.Contains("Health", StringComparison.Ordinal))
            {
                healthCell = Array.FindIndex(Cells(line), c => c.Equals("Health", StringComparison.Ordinal));
                if (i + 1 < lines.Count && lines[i + 1].StartsWith('|'))
                {
                    hasHbm = lines[i + 1].Contains("HBM", StringComparison.Ordinal);
                    i++;
                }

                i++;
                break;
            }
        }

        if (healthCell < 0)
        {
            throw new AcceleratorParseException(Format, lineOffset + firstLine + 1, "no header row with a 'Health' column");
        }

        string[]? first = null;
        var firstNo = 0;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.StartsWith('|'))
            {
                if (line.StartsWith('+'))
                {
                    continue;
                }

                break;
            }

            if (line.Contains("Process", StringComparison.Ordinal))
            {
                break;
            }

            var cells = Cells(line);
            if (cells.Length <= healthCell + 1)
            {
                throw new AcceleratorParseException(Format, lineOffset + i + 1, $"expected {healthCell + 2} cells, found {cells.Length}");
            }

            if (first is null)
            {
                first = cells;
                firstNo = lineOffset + i + 1;
                continue;
            }

            AddDie(first, firstNo, cells, lineOffset + i + 1, healthCell, hasHbm, driver, boards);
            first = null;
        }

        if (first is not null)
        {
            throw new AcceleratorParseException(Format, firstNo, "a board line without its second (chip) line");
        }
    }

    private static void AddDie(string[] a, int aNo, string[] b, int bNo, int h, bool hasHbm, string? driver, NpuSmiBoards boards)
    {
        // Line 1: "NPU Name" (one cell, or two on the 950), Health, "Power Temp HugeUsed / HugeTotal".
        var idAndName = string.Join(' ', a[..h]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (idAndName.Length == 0 || !int.TryParse(idAndName[0], NumberStyles.None, CultureInfo.InvariantCulture, out var npu))
        {
            throw new AcceleratorParseException(Format, aNo, $"expected an NPU id, found '{string.Join(' ', a[..h]).Trim()}'");
        }

        // Line 2: "Chip [Device|Phy-ID]" (empty on the 950: one die), Bus-Id, "Util MemUsed / MemTotal [HbmUsed / HbmTotal]".
        var chipCells = string.Join(' ', b[..h]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var chip = 0;
        if (chipCells.Length > 0 && !int.TryParse(chipCells[0], NumberStyles.None, CultureInfo.InvariantCulture, out chip))
        {
            throw new AcceleratorParseException(Format, bNo, $"expected a chip id, found '{chipCells[0]}'");
        }

        var r = boards.Get(npu, chip);
        r.Vendor = NpuSmiText.Vendor;
        var name = string.Join(' ', idAndName[1..]);
        if (name.Length > 0)
        {
            r.Model = NpuSmiText.ModelName(name);
        }

        r.Driver = driver ?? r.Driver;
        r.Health = NpuSmiText.Health(a[h]) ?? r.Health;
        r.PciBusId = string.IsNullOrWhiteSpace(b[h]) ? r.PciBusId : b[h];

        var top = Numbers(a[h + 1], aNo);
        if (top.Count < 2)
        {
            throw new AcceleratorParseException(Format, aNo, $"expected power and temperature, found '{a[h + 1]}'");
        }

        r.PowerWatts = top[0] ?? r.PowerWatts;
        r.TemperatureCelsius = top[1] ?? r.TemperatureCelsius;

        var bottom = Numbers(b[h + 1], bNo);
        if (bottom.Count < 3)
        {
            throw new AcceleratorParseException(Format, bNo, $"expected utilization and memory used / total, found '{b[h + 1]}'");
        }

        if (bottom[0] is { } util)
        {
            r.UtilizationRatio = util / 100.0;
        }

        // With an HBM column the HBM is the device memory; the 310's DDR "Memory-Usage" is its only memory.
        var (used, total) = hasHbm && bottom.Count >= 5 ? (bottom[3], bottom[4]) : (bottom[1], bottom[2]);
        if (used is not null && total is not null)
        {
            r.MemoryUsedBytes = used * NpuSmiText.MiB;
            r.MemoryTotalBytes = total * NpuSmiText.MiB;
        }
    }

    /// <summary>The text between the <c>|</c> separators, trimmed; the empty edges are dropped.</summary>
    private static string[] Cells(string line)
    {
        var parts = line.Split('|');
        var end = line.EndsWith('|') ? parts.Length - 1 : parts.Length;
        var cells = new string[Math.Max(0, end - 1)];
        for (var k = 1; k < end; k++)
        {
            cells[k - 1] = parts[k].Trim();
        }

        return cells;
    }

    /// <summary>
    /// The numbers of a value cell with the <c>/</c> of "used / total" removed: <c>"96.8 32 0 / 0"</c> → 96.8, 32, 0, 0.
    /// <c>-</c> and <c>NA</c> are readings the die does not give: null, kept in position.
    /// </summary>
    private static List<double?> Numbers(string cell, int lineNo)
    {
        var list = new List<double?>(8);
        foreach (var token in cell.Replace("/", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NpuSmiText.IsMissing(token))
            {
                list.Add(null);
            }
            else if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                list.Add(v);
            }
            else
            {
                throw new AcceleratorParseException(Format, lineNo, $"'{token}' is not a number");
            }
        }

        return list;
    }
}
