using System.Globalization;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Reads the key/value views (<c>npu-smi info -t power|temp|usages|memory|health|board|common -i N [-c C]</c>).
/// npu-smi prints <c>"\t%-30s : %s"</c>; documentation copies use spaces or no indent, so only the first
/// <c>" : "</c>-style colon splits key from value. Keys are compared without spaces and case
/// (<c>Temperature (C)</c> on the 950 is <c>Temperature(C)</c> elsewhere).
/// <para>
/// A record starts at <c>NPU ID</c> (or at an echoed <c>npu-smi ... -i N</c> command line, since some views omit
/// the id). Where a view prints <c>Chip ID</c> after the chip's values (power, usages), the values before it
/// belong to that chip; where it prints it first (board, common), the values after it do.
/// </para>
/// </summary>
internal sealed class NpuSmiDetailParser
{
    private const string Format = "npu-smi info -t";

    private readonly NpuSmiBoards _boards;
    private readonly List<(string Key, string Value, int Line)> _pending = [];
    private int? _npu;
    private int? _chip;
    private int _defaultChip;

    public NpuSmiDetailParser(NpuSmiBoards boards) => _boards = boards;

    /// <summary>An echoed command line: closes the record; <c>-i N</c>/<c>-c C</c> open the next one.</summary>
    public void Command(string line)
    {
        Close();
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k + 1 < args.Length; k++)
        {
            if (args[k] == "-i" && int.TryParse(args[k + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var npu))
            {
                _npu = npu;
            }
            else if (args[k] == "-c" && int.TryParse(args[k + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var chip))
            {
                _chip = chip;
                _defaultChip = chip;
            }
        }
    }

    public void KeyValue(string key, string value, int lineNo)
    {
        var k = NormalizeKey(key);
        if (k == "npuid")
        {
            Close();
            _npu = ParseInt(value, key, lineNo);
            return;
        }

        if (_npu is null)
        {
            // Not inside an npu-smi record (a Datetime: header, hccn_tool output): not ours.
            return;
        }

        if (k == "chipid")
        {
            var chip = ParseInt(value, key, lineNo);
            if (_pending.Count > 0)
            {
                Flush(_chip ?? chip);
                if (_chip is not null)
                {
                    _chip = chip;
                }
            }
            else
            {
                _chip = chip;
            }

            return;
        }

        _pending.Add((k, value.Trim(), lineNo));
    }

    /// <summary>Ends the current record (next record, command line, end of input).</summary>
    public void Close()
    {
        if (_npu is not null)
        {
            // A record with no value we read (npu-smi info -l, -t volt) still says the board is there.
            _boards.Get(_npu.Value, _chip ?? _defaultChip);
            if (_pending.Count > 0)
            {
                Flush(_chip ?? _defaultChip);
            }
        }

        _pending.Clear();
        _npu = null;
        _chip = null;
        _defaultChip = 0;
    }

    private void Flush(int chip)
    {
        var npu = _npu!.Value;
        AcceleratorReading? r = null;
        AcceleratorReading Die() => r ??= _boards.Get(npu, chip);

        foreach (var (k, value, line) in _pending)
        {
            if (NpuSmiText.IsMissing(value))
            {
                continue;
            }

            switch (k)
            {
                case "temperature(c)": Die().TemperatureCelsius = Number(value, k, line); break;
                case "npureal-timepower(w)" or "power(w)": Die().PowerWatts = Number(value, k, line); break;
                case "hbmtemperature(c)": Die().MemoryTemperatureCelsius = Number(value, k, line); break;
                case "hbmcapacity(mb)": Die().MemoryTotalBytes = Number(value, k, line) * NpuSmiText.MiB; break;
                case "hbmusagerate(%)": _boards.SetHbmUsageRate(npu, chip, Number(value, k, line)); break;
                case "npuutilization(%)": Die().UtilizationRatio = Number(value, k, line) / 100.0; break;
                case "aicoreusagerate(%)":
                    // The overall "NPU Utilization" wins where a view gives both.
                    if (!_pending.Exists(p => p.Key == "npuutilization(%)"))
                    {
                        Die().UtilizationRatio = Number(value, k, line) / 100.0;
                    }

                    break;
                case "aicorecurfreq(mhz)": Die().CoreClockHertz = Number(value, k, line) * 1e6; break;
                case "hbmclockspeed(mhz)": Die().MemoryClockHertz = Number(value, k, line) * 1e6; break;
                case "health" or "healthstatus":
                    Die().Health = NpuSmiText.Health(value)
                        ?? throw new AcceleratorParseException(Format, line, $"unknown health '{value}'");
                    break;
                case "chipname": Die().Model = NpuSmiText.ModelName(value) ?? Die().Model; break;
                case "pciebusinfo": Die().PciBusId = value; break;
                case "vdieid": Die().Uuid = string.Join('-', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                case "serialnumber": _boards.SetCard(npu, value, null); break;
                case "softwareversion": _boards.SetCard(npu, null, value); break;
                default: break; // keys with no family (voltage, board id, DDR rates) are not read
            }
        }

        _pending.Clear();
    }

    private static string NormalizeKey(string key) =>
        string.Concat(key.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    private static int ParseInt(string value, string key, int line) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new AcceleratorParseException(Format, line, $"'{key.Trim()}' is '{value.Trim()}', not an integer");

    private static double Number(string value, string key, int line)
    {
        // Values sometimes carry their unit ("47 C"); the number is the first token.
        var token = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new AcceleratorParseException(Format, line, $"'{key}' is '{value}', not a number");
    }
}
