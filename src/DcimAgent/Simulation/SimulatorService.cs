using DcimAgent.Configuration;
using DcimAgent.Simulator;
using DcimAgent.Simulator.Physics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DcimAgent.Simulation;

/// <summary>
/// Runs the embedded demo hall next to the agent: binds the simulated devices and the broker before the
/// collectors start (StartAsync completes only once they answer), then ticks the model once a second.
/// </summary>
public sealed class SimulatorService : IHostedService, IAsyncDisposable
{
    private readonly ILogger<SimulatorService> _logger;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private IncidentPhase _phase = IncidentPhase.Normal;

    public SimulatorService(AgentConfig config, TimeProvider clock, ILogger<SimulatorService> logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        _logger = logger;
        _clock = clock;
        var section = config.Simulator ?? throw new InvalidOperationException("simulator: section missing");
        Hall = new DemoHall(SimulatorConfigValidator.ToOptions(section, config.Agent.Site), clock);
    }

    public DemoHall Hall { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Hall.StartAsync(cancellationToken);
        var o = Hall.Options;
        SimulatorLog.Started(_logger, Hall.Devices.Count, o.BindAddress, o.SnmpBasePort, o.MqttPort, o.TimeScale, o.IncidentAfter?.ToString() ?? "never");
        _loop = RunAsync(_stopping.Token);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Hall.Options.TickInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await Hall.TickAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    SimulatorLog.TickFailed(_logger, e);
                }

                var phase = Hall.Model.Phase;
                if (phase != _phase)
                {
                    _phase = phase;
                    SimulatorLog.Phase(_logger, phase == IncidentPhase.ChillerTripped ? "chiller-1 tripped" : "chiller-1 restarted", Hall.Model.Time);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        await Hall.DisposeAsync();
    }
}
