using System.Globalization;
using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node;

/// <summary>
/// Runs <c>npu-smi info</c> every collection (power, temperature, utilization, memory, health of every die) and,
/// once per NPU at the first collection, <c>npu-smi info -t board -i N</c> for the board serial and software
/// version, which do not change while the agent runs.
/// </summary>
public sealed class NpuSmiCollector : IAcceleratorCollector
{
    private readonly string _binary;
    private readonly TimeSpan _timeout;
    private string? _boardViews;

    public NpuSmiCollector(string? binary, TimeSpan timeout)
    {
        _binary = string.IsNullOrEmpty(binary) ? "npu-smi" : binary;
        _timeout = timeout;
    }

    public string Name => "npu-smi";

    public TimeSpan? NextDelay => null;

    public async Task<AcceleratorFrame> CollectAsync(CancellationToken ct)
    {
        var table = await ToolRunner.RunAsync(_binary, ["info"], _timeout, ct);
        try
        {
            var boards = NpuSmiParser.Parse(table);
            if (_boardViews is null)
            {
                var views = new List<string>();
                foreach (var npu in boards.Select(b => b.NpuId ?? b.Index).Distinct())
                {
                    var id = npu.ToString(CultureInfo.InvariantCulture);
                    try
                    {
                        views.Add($"npu-smi info -t board -i {id}\n" + await ToolRunner.RunAsync(_binary, ["info", "-t", "board", "-i", id], _timeout, ct));
                    }
                    catch (CollectorException)
                    {
                        // Inventory is a nicety: a card that refuses the board view still reports its readings.
                    }
                }

                _boardViews = string.Join('\n', views);
            }

            // The echoed command line keeps each board view's NPU id, as in a faultdiag capture.
            return new AcceleratorFrame(null, _boardViews.Length == 0 ? boards : NpuSmiParser.Parse(table + "\n" + _boardViews));
        }
        catch (AcceleratorParseException e)
        {
            throw new CollectorException("decode", e.Message, e);
        }
    }
}
