using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace DcimAgent.Tests.Support;

/// <summary>A plain MQTTnet publisher for streams of test messages.</summary>
public sealed class MqttPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<MqttPublisher> ConnectAsync(int port)
    {
        var p = new MqttPublisher();
        await p._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithClientId("test-pub-" + Guid.NewGuid().ToString("N")[..8]).Build());
        return p;
    }

    public Task PublishAsync(string topic, string payload, int qos = 1) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos).Build());

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
