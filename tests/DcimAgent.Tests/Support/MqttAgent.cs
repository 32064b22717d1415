using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace DcimAgent.Tests.Support;

/// <summary>The MQTT ingestion service of one agent, run in-process against a real broker, with its own store.</summary>
public sealed class MqttAgent : IAsyncDisposable
{
    private MqttAgent(AgentConfig config)
    {
        Registry = Metrics.NewCustomRegistry();
        Service = new MqttIngestionService(config, Store, TimeProvider.System, NullLoggerFactory.Instance,
            new MqttSelfMetrics(Metrics.WithCustomRegistry(Registry)));
    }

    public SeriesStore Store { get; } = new();

    public CollectorRegistry Registry { get; }

    public MqttIngestionService Service { get; }

    public BrokerConnection Broker => Service.Brokers[0];

    public static async Task<MqttAgent> StartAsync(MqttBrokerConfig broker, params MqttSubscriptionConfig[] subscriptions)
    {
        broker.Name = string.IsNullOrEmpty(broker.Name) ? "b1" : broker.Name;
        broker.ReconnectMin = TimeSpan.FromMilliseconds(100);
        broker.ReconnectMax = TimeSpan.FromMilliseconds(500);
        foreach (var s in subscriptions)
        {
            s.Broker = broker.Name;
        }

        var config = new AgentConfig { Mqtt = new MqttSection { Brokers = [broker], Subscriptions = [.. subscriptions] } };
        config.Agent.Site = "dc1";
        var agent = new MqttAgent(config);
        await agent.Service.StartAsync(CancellationToken.None);
        return agent;
    }

    public double Connected => Store.TryGet(MetricCatalog.MqttConnected, null, LabelSet.Of(("broker", Broker.Name)), out var v) ? v : -1;

    public double Messages(string subscription, string result) =>
        Store.TryGet(MetricCatalog.MqttMessages, null, LabelSet.Of(("subscription", subscription), ("result", result)), out var v) ? v : 0;

    /// <summary>Waits (polling) until <paramref name="condition"/> holds; fails with <paramref name="what"/> and the store.</summary>
    public async Task WaitAsync(Func<bool> condition, string what, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}\n{Store.ToExpositionText()}");
            await Task.Delay(20);
        }
    }

    public Task WaitConnectedAsync() => WaitAsync(() => Connected == 1 && Broker.SubscribeRounds > 0, "connected and subscribed");

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Service.StopAsync(cts.Token);
        Service.Dispose();
    }
}
