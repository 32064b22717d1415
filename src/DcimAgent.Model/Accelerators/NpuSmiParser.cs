using System.Globalization;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Reads any npu-smi output: the <c>info</c> board table, the <c>info -m</c> chip list, the <c>-t</c> key/value
/// views, or a host capture that concatenates several of them with the commands echoed (as Ascend's faultdiag
/// collects them). Lines of other tools in such a capture (hccn_tool, lspci) are skipped.
/// </summary>
public static class NpuSmiParser
{
    public static IReadOnlyList<AcceleratorReading> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var boards = new NpuSmiBoards();
        var details = new NpuSmiDetailParser(boards);

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed[0] is '+' or '|')
            {
                details.Close();
                var start = i;
                while (i + 1 < lines.Length && lines[i + 1].TrimStart().Length > 0 && lines[i + 1].TrimStart()[0] is '+' or '|')
                {
                    i++;
                }

                var block = lines[start..(i + 1)].Select(l => l.Trim()).ToArray();
                if (block.Any(l => l.Contains("Health", StringComparison.Ordinal)))
                {
                    NpuSmiTableParser.Parse(block, 0, start, boards);
                }

                continue;
            }

            if (IsCommand(trimmed))
            {
                if (trimmed.Contains("npu-smi", StringComparison.Ordinal))
                {
                    details.Command(trimmed);
                }
                else
                {
                    details.Close();
                }

                continue;
            }

            if (trimmed.StartsWith("NPU ID", StringComparison.Ordinal) && trimmed.Contains("Chip Logic ID", StringComparison.Ordinal))
            {
                details.Close();
                i = ParseChipList(lines, i + 1, boards) - 1;
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                details.KeyValue(trimmed[..colon], trimmed[(colon + 1)..], i + 1);
            }
            else
            {
                details.Close();
            }
        }

        details.Close();
        if (boards.Count == 0)
        {
            throw new AcceleratorParseException("npu-smi output holds no board (no table row, no 'NPU ID')");
        }

        return boards.Build();
    }

    /// <summary>An echoed command in a capture: a path or a known tool name first.</summary>
    private static bool IsCommand(string line) =>
        line[0] == '/' || line.StartsWith("npu-smi ", StringComparison.Ordinal)
        || line.StartsWith("lspci", StringComparison.Ordinal) || line.StartsWith("hccn_tool", StringComparison.Ordinal);

    /// <summary><c>info -m</c>: rows of NPU ID, Chip ID, Chip Logic ID, Chip Name until a blank line.</summary>
    private static int ParseChipList(string[] lines, int i, NpuSmiBoards boards)
    {
        for (; i < lines.Length; i++)
        {
            var cols = lines[i].Split([' ', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length < 3)
            {
                break;
            }

            if (!int.TryParse(cols[0], NumberStyles.None, CultureInfo.InvariantCulture, out var npu)
                || !int.TryParse(cols[1], NumberStyles.None, CultureInfo.InvariantCulture, out var chip))
            {
                throw new AcceleratorParseException("npu-smi info -m", i + 1, $"expected NPU ID and Chip ID, found '{lines[i].Trim()}'");
            }

            var r = boards.Get(npu, chip);
            if (int.TryParse(cols[2], NumberStyles.None, CultureInfo.InvariantCulture, out var logic))
            {
                boards.SetLogicId(npu, chip, logic);
            }

            if (cols.Length == 4)
            {
                r.Model = NpuSmiText.ModelName(cols[3].Trim()) ?? r.Model;
            }
        }

        return i;
    }
}
