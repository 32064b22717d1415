using DcimAgent.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace DcimAgent.Hosting;

/// <summary>Serilog behind Microsoft.Extensions.Logging: plain text or compact JSON, to stdout (journald).</summary>
public static class Logging
{
    public static Serilog.ILogger Create(AgentSection agent, TextWriter? output = null)
    {
        var level = agent.LogLevel.ToLowerInvariant() switch
        {
            "verbose" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "warning" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" => LogEventLevel.Fatal,
            _ => LogEventLevel.Information,
        };
        var lc = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext();
        const string template = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
        var json = agent.LogFormat == "json";
        if (output is not null)
        {
            _ = json
                ? lc.WriteTo.Sink(new TextWriterSink(new RenderedCompactJsonFormatter(), output))
                : lc.WriteTo.Sink(new TextWriterSink(new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture), output));
        }
        else
        {
            _ = json
                ? lc.WriteTo.Console(new RenderedCompactJsonFormatter())
                : lc.WriteTo.Console(outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return lc.CreateLogger();
    }
}
