using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace DcimAgent.Hosting;

/// <summary>Writes log events to a given TextWriter (tests capture logs this way to scan them for secrets).</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly ITextFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Lock _lock = new();

    public TextWriterSink(ITextFormatter formatter, TextWriter output)
    {
        _formatter = formatter;
        _output = output;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, _output);
            _output.Flush();
        }
    }
}
