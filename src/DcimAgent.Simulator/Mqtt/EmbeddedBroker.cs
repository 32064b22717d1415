using System.Net;
using MQTTnet;
using MQTTnet.Server;

namespace DcimAgent.Simulator.Mqtt;

/// <summary>
/// An MQTT broker (MQTTnet.Server) on the demo's loopback port, anonymous, for the simulated publishers and the
/// agent's subscriptions. Publishers inject their messages directly; real clients connect over TCP.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    public EmbeddedBroker(IPAddress bind, int port)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(bind)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        Port = port;
    }

    public int Port { get; }

    public long Published { get; private set; }

    public Task StartAsync() => _server.StartAsync();

    /// <summary>Publishes as the broker itself, at QoS 1, not retained (as the real node agents publish).</summary>
    public async Task PublishAsync(string topic, byte[] payload, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "dcim-simulator" }, ct);
        Published++;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.IsStarted)
        {
            await _server.StopAsync();
        }

        _server.Dispose();
    }
}
