using DcimAgent.Configuration;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DcimAgent.Mqtt;

/// <summary>
/// The hosted service of <c>mqtt:</c>: one <see cref="BrokerConnection"/> per broker, each with the subscriptions
/// that name it. Built (and so validated) in the constructor; a bad entry throws an <see cref="ArgumentException"/>
/// naming its config path.
/// </summary>
public sealed class MqttIngestionService : BackgroundService
{
    private readonly List<BrokerConnection> _brokers = [];

    public MqttIngestionService(AgentConfig config, SeriesStore store, TimeProvider time, ILoggerFactory loggers, MqttSelfMetrics metrics)
    {
        var mqtt = config.Mqtt;
        var startMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var subscriptions = new List<(MqttSubscription Sub, string Broker)>();
        for (var i = 0; i < mqtt.Subscriptions.Count; i++)
        {
            var s = mqtt.Subscriptions[i];
            if (!mqtt.Brokers.Any(b => string.Equals(b.Name, s.Broker, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"mqtt.subscriptions[{i}].broker: no broker named '{s.Broker}'");
            }

            if (subscriptions.Any(x => string.Equals(x.Sub.Name, s.Name, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"mqtt.subscriptions[{i}].name: '{s.Name}' is used twice");
            }

            subscriptions.Add((new MqttSubscription(s, i, config.Agent.Site, startMs), s.Broker));
        }

        var logger = loggers.CreateLogger<MqttIngestionService>();
        for (var i = 0; i < mqtt.Brokers.Count; i++)
        {
            var b = mqtt.Brokers[i];
            if (string.IsNullOrEmpty(b.Name))
            {
                throw new ArgumentException($"mqtt.brokers[{i}].name is required");
            }

            var mine = subscriptions.Where(x => string.Equals(x.Broker, b.Name, StringComparison.Ordinal)).Select(x => x.Sub).ToList();
            _brokers.Add(new BrokerConnection(b, mine, store, time, logger, metrics, $"mqtt.brokers[{i}]"));
        }
    }

    public IReadOnlyList<BrokerConnection> Brokers => _brokers;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var b in _brokers)
        {
            await b.DisposeAsync();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_brokers.Select(b => b.RunAsync(stoppingToken)));
}
