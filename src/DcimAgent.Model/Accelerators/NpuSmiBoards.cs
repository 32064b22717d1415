namespace DcimAgent.Model.Accelerators;

/// <summary>
/// The dies found so far in one npu-smi capture, keyed by (NPU ID, chip), so the table and the detail views of
/// the same die merge into one reading. Card-level values (board serial, software version) apply to every die
/// of the card.
/// </summary>
internal sealed class NpuSmiBoards
{
    private readonly SortedDictionary<(int Npu, int Chip), AcceleratorReading> _dies = new();
    private readonly Dictionary<(int Npu, int Chip), int> _logicIds = [];
    private readonly Dictionary<(int Npu, int Chip), double> _hbmUsageRates = [];
    private readonly Dictionary<int, (string? Serial, string? Driver)> _cards = [];

    public int Count => _dies.Count;

    public AcceleratorReading Get(int npu, int chip)
    {
        if (!_dies.TryGetValue((npu, chip), out var r))
        {
            r = new AcceleratorReading { NpuId = npu, ChipId = chip, Vendor = NpuSmiText.Vendor };
            _dies.Add((npu, chip), r);
        }

        return r;
    }

    public void SetLogicId(int npu, int chip, int logicId) => _logicIds[(npu, chip)] = logicId;

    /// <summary>Usage views give HBM use only as a percentage; it fills memory used where no view gave MB.</summary>
    public void SetHbmUsageRate(int npu, int chip, double percent) => _hbmUsageRates[(npu, chip)] = percent;

    public void SetCard(int npu, string? serial, string? driver)
    {
        _cards.TryGetValue(npu, out var c);
        _cards[npu] = (serial ?? c.Serial, driver ?? c.Driver);
    }

    /// <summary>
    /// The readings with their <c>accelerator</c> index: the chip logic id where <c>info -m</c> gave it; else the
    /// NPU ID when every card has one die (910, 910B, 310, 950); else the position in (NPU, chip) order, which is
    /// how the driver numbers the A3's dies.
    /// </summary>
    public IReadOnlyList<AcceleratorReading> Build()
    {
        foreach (var npu in _cards.Keys)
        {
            if (!_dies.Keys.Any(k => k.Npu == npu))
            {
                Get(npu, 0);
            }
        }

        var oneDiePerCard = _dies.Keys.GroupBy(k => k.Npu).All(g => g.Count() == 1);
        var list = new List<AcceleratorReading>(_dies.Count);
        var ordinal = 0;
        foreach (var ((npu, chip), r) in _dies)
        {
            r.Index = _logicIds.TryGetValue((npu, chip), out var logic) ? logic : oneDiePerCard ? npu : ordinal;
            ordinal++;
            if (_cards.TryGetValue(npu, out var card))
            {
                r.Serial ??= card.Serial;
                r.Driver ??= card.Driver;
            }

            if (r.MemoryUsedBytes is null && r.MemoryTotalBytes is { } total && _hbmUsageRates.TryGetValue((npu, chip), out var rate))
            {
                r.MemoryUsedBytes = Math.Round(total * rate / 100.0 / NpuSmiText.MiB) * NpuSmiText.MiB;
            }

            list.Add(r);
        }

        return list;
    }
}
