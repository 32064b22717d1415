using System.Buffers.Text;
using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Exposition;

/// <summary>
/// Writes families in the Prometheus text format (0.0.4) or OpenMetrics text (1.0.0) straight to a stream
/// through one reusable buffer: series lines are preformatted, only the value is formatted per scrape.
/// The OpenMetrics <c># EOF</c> line is left to whoever ends the whole response.
/// In async-only mode (for streams that forbid synchronous writes, like Kestrel's response body) the writer
/// never writes on its own: the buffer grows instead, and the caller drains it with <see cref="DrainAsync"/>
/// whenever <see cref="Buffered"/> passes <see cref="DrainThreshold"/>.
/// </summary>
public sealed class ExpositionWriter
{
    /// <summary>Drain at this many buffered bytes: big enough that a write costs little per series, small
    /// enough that the buffer stays in L2 and the first bytes reach the scraper early.</summary>
    public const int DrainThreshold = 48 * 1024;

    private readonly Stream _output;
    private readonly ExpositionFormat _format;
    private readonly bool _asyncOnly;
    private byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public ExpositionWriter(Stream output, ExpositionFormat format)
        : this(output, format, asyncOnly: false)
    {
    }

    public ExpositionWriter(Stream output, ExpositionFormat format, bool asyncOnly)
    {
        _output = output;
        _format = format;
        _asyncOnly = asyncOnly;
    }

    /// <summary>Bytes formatted and not yet written to the stream.</summary>
    public int Buffered => _used;

    public void WriteHeader(MetricFamily family)
    {
        var name = family.Name;
        var type = family.Type == MetricType.Counter ? "counter" : "gauge";
        if (_format == ExpositionFormat.OpenMetrics && family.Type == MetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        WriteAscii($"# HELP {name} {EscapeHelp(family.Help)}\n# TYPE {name} {type}\n");
    }

    public void WriteSeries(byte[] line, double value)
    {
        Ensure(line.Length + 32);
        line.CopyTo(_buffer.AsSpan(_used));
        _used += line.Length;
        _used += FormatValue(value, _buffer.AsSpan(_used));
        _buffer[_used++] = (byte)'\n';
    }

    public void Flush()
    {
        if (_used > 0)
        {
            _output.Write(_buffer, 0, _used);
            _used = 0;
        }

        _output.Flush();
    }

    /// <summary>Writes the buffered bytes to the stream asynchronously (the stream itself is not flushed:
    /// a gzip stream would emit a sync-flush block each time).</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken = default)
    {
        if (_used > 0)
        {
            await _output.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken).ConfigureAwait(false);
            _used = 0;
        }
    }

    /// <summary>Formats a value the way Prometheus parses it: shortest round-trip, +Inf/-Inf/NaN spelled out.</summary>
    public static int FormatValue(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            "NaN"u8.CopyTo(destination);
            return 3;
        }

        if (double.IsInfinity(value))
        {
            (value > 0 ? "+Inf"u8 : "-Inf"u8).CopyTo(destination);
            return 4;
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            Utf8Formatter.TryFormat((long)value, destination, out var n);
            return n;
        }

        value.TryFormat(destination, out var written, "R", System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private void WriteAscii(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        Ensure(max);
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Ensure(int bytes)
    {
        if (_asyncOnly)
        {
            if (_used + bytes > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + bytes));
            }

            return;
        }

        if (_used + bytes > _buffer.Length)
        {
            _output.Write(_buffer, 0, _used);
            _used = 0;
        }

        if (bytes > _buffer.Length)
        {
            throw new InvalidOperationException("a single exposition line exceeds 64 KiB");
        }
    }
}
