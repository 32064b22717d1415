using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node;

/// <summary>
/// Runs <c>nvidia-smi --query-gpu=... --format=csv,noheader,nounits</c>; where that query fails (an older driver
/// without one of the fields) it falls back to <c>nvidia-smi -q -x</c> and stays on XML from then on.
/// </summary>
public sealed class NvidiaSmiCollector : IAcceleratorCollector
{
    private readonly string _binary;
    private readonly TimeSpan _timeout;
    private bool _useXml;

    public NvidiaSmiCollector(string? binary, TimeSpan timeout)
    {
        _binary = string.IsNullOrEmpty(binary) ? "nvidia-smi" : binary;
        _timeout = timeout;
    }

    public string Name => "nvidia-smi";

    public TimeSpan? NextDelay => null;

    /// <summary>True once the CSV query failed and the collector reads XML.</summary>
    public bool UsesXml => _useXml;

    public async Task<AcceleratorFrame> CollectAsync(CancellationToken ct)
    {
        if (!_useXml)
        {
            try
            {
                var csv = await ToolRunner.RunAsync(_binary,
                    ["--query-gpu=" + string.Join(',', NvidiaSmiCsvParser.QueryFields), "--format=csv,noheader,nounits"], _timeout, ct);
                return new AcceleratorFrame(null, NvidiaSmiCsvParser.Parse(csv, NvidiaSmiCsvParser.QueryFields));
            }
            catch (CollectorException e) when (e.Reason == "other" && !e.Message.StartsWith("cannot run", StringComparison.Ordinal))
            {
                _useXml = true;
            }
            catch (AcceleratorParseException)
            {
                _useXml = true;
            }
        }

        var xml = await ToolRunner.RunAsync(_binary, ["-q", "-x"], _timeout, ct);
        try
        {
            return new AcceleratorFrame(null, NvidiaSmiXmlParser.Parse(xml));
        }
        catch (AcceleratorParseException e)
        {
            throw new CollectorException("decode", e.Message, e);
        }
    }
}
