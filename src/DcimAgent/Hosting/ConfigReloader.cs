using System.Runtime.InteropServices;
using DcimAgent.Configuration;
using DcimAgent.Exposition;
using Prometheus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DcimAgent.Hosting;

/// <summary>
/// SIGHUP (systemctl reload) re-reads the config file. A valid file is applied through <see cref="ConfigMonitor"/>;
/// an invalid one is logged with the same messages as check-config and the running config stays in force.
/// </summary>
public sealed partial class ConfigReloader : IHostedService, IDisposable
{
    private readonly ConfigMonitor _monitor;
    private readonly AgentMetrics _metrics;
    private readonly ILogger<ConfigReloader> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PosixSignalRegistration? _sighup;

    public ConfigReloader(ConfigMonitor monitor, AgentMetrics metrics, ILogger<ConfigReloader> log)
    {
        _monitor = monitor;
        _metrics = metrics;
        _log = log;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_monitor.Path is not null && !OperatingSystem.IsWindows())
        {
            _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, ctx =>
            {
                ctx.Cancel = true; // the default action of SIGHUP would end the process
                _ = Task.Run(ReloadAsync);
            });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _sighup?.Dispose();
        _sighup = null;
        return Task.CompletedTask;
    }

    /// <summary>One reload; returns true when the new config was applied.</summary>
    public async Task<bool> ReloadAsync()
    {
        if (_monitor.Path is null)
        {
            return false;
        }

        await _gate.WaitAsync();
        try
        {
            var result = ConfigLoader.Load(_monitor.Path);
            if (!result.IsValid)
            {
                _metrics.ConfigReloadSuccess.Set(0);
                LogRejected(_monitor.Path, result.Errors.Count);
                foreach (var e in result.Errors)
                {
                    LogProblem(e.ToString());
                }

                return false;
            }

            if (!string.Equals(result.Config.Agent.Listen, _monitor.Current.Agent.Listen, StringComparison.Ordinal))
            {
                LogListenNeedsRestart(_monitor.Current.Agent.Listen, result.Config.Agent.Listen);
            }

            _monitor.Apply(result.Config);
            _metrics.ConfigReloadSuccess.Set(1);
            _metrics.ConfigReloadTimestamp.SetToCurrentTimeUtc();
            LogApplied(_monitor.Path);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _sighup?.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Config reloaded from {Path}")]
    private partial void LogApplied(string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Config reload from {Path} rejected ({Count} problems); the running config stays in force")]
    private partial void LogRejected(string path, int count);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "config problem: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "agent.listen changed from {Old} to {New}: takes effect at the next restart")]
    private partial void LogListenNeedsRestart(string old, string @new);
}
