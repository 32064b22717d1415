using DcimAgent.Configuration;
using DcimAgent.Exposition;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DcimAgent.Node;

/// <summary>
/// Node mode's hosted service: one loop per collector, each running <see cref="NodeCycle.RunOnceAsync"/> and
/// then waiting the collector's own delay (replay) or <c>node.interval</c>. The loops only schedule; the work
/// and its error handling live in the cycle.
/// </summary>
public sealed class NodeService : BackgroundService
{
    private readonly AgentConfig _config;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeService> _log;
    private readonly Histogram? _loopDuration;
    private readonly List<NodeCycle> _cycles = [];
    private MqttDcimJsonPublisher? _publisher;

    public NodeService(AgentConfig config, SeriesStore store, TimeProvider time, ILogger<NodeService> log, AgentMetrics? metrics = null)
    {
        _config = config;
        _store = store;
        _time = time;
        _log = log;
        _loopDuration = metrics?.CollectorLoopDuration;
    }

    public IReadOnlyList<NodeCycle> Cycles => _cycles;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var node = _config.Node ?? new NodeSection();
        var host = NodeCollectors.Host(_config);
        if (node.Publish is { } publish)
        {
            _publisher = new MqttDcimJsonPublisher(publish, _config.Agent.Site, host.Device, _log);
        }

        foreach (var c in node.Collectors)
        {
            _cycles.Add(new NodeCycle(NodeCollectors.Create(c), host, _store, _publisher, _time, _log));
        }

        NodeLog.Starting(_log, host.Device, string.Join(", ", _cycles.Select(c => c.Collector.Name)));
        await Task.WhenAll(_cycles.Select(c => LoopAsync(c, node.Interval, stoppingToken)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var c in _cycles)
        {
            (c.Collector as IDisposable)?.Dispose();
        }

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }
    }

    private async Task LoopAsync(NodeCycle cycle, TimeSpan interval, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                using (_loopDuration?.WithLabels("node:" + cycle.Collector.Name).NewTimer())
                {
                    await cycle.RunOnceAsync(stopping);
                }

                await Task.Delay(cycle.Collector.NextDelay ?? interval, _time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
