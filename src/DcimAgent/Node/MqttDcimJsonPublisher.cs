using DcimAgent.Configuration;
using DcimAgent.Model.Accelerators;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DcimAgent.Node;

/// <summary>
/// Publishes dcim-json documents with MQTTnet 5 (MQTT 5, QoS from config) on the topic template with
/// <c>{site}</c> and <c>{device}</c> filled in. Connects lazily and reconnects on the next document after a
/// failure, so a broker outage costs the documents of the outage (counted) and nothing else; the credentials
/// never reach a log line.
/// </summary>
public sealed class MqttDcimJsonPublisher : IDcimJsonPublisher, IAsyncDisposable
{
    private readonly NodePublishSection _options;
    private readonly IMqttClient _client;
    private readonly ILogger _log;
    private readonly string _host;
    private readonly int _port;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _failing;

    public MqttDcimJsonPublisher(NodePublishSection options, string site, string device, ILogger? log = null)
    {
        _options = options;
        _log = log ?? NullLogger.Instance;
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme != "mqtt" || uri.Port is <= 0 and not -1)
        {
            throw new ArgumentException($"node.publish.url '{options.Url}' is not mqtt://HOST:PORT", nameof(options));
        }

        _host = uri.Host;
        _port = uri.Port > 0 ? uri.Port : 1883;
        Topic = TopicFor(options.Topic, site, device);
        _client = new MqttClientFactory().CreateMqttClient();
    }

    /// <summary>The topic after the template is filled in.</summary>
    public string Topic { get; }

    public static string TopicFor(string template, string site, string device) =>
        template.Replace("{site}", site, StringComparison.Ordinal).Replace("{device}", device, StringComparison.Ordinal);

    public async Task<bool> PublishAsync(DcimJsonDocument document, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!_client.IsConnected)
            {
                var builder = new MqttClientOptionsBuilder()
                    .WithTcpServer(_host, _port)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId(_options.ClientId ?? $"dcim-node-{document.Host}")
                    .WithCleanStart(true)
                    .WithTimeout(_options.ConnectTimeout);
                if (!string.IsNullOrEmpty(_options.Username))
                {
                    builder = builder.WithCredentials(_options.Username, _options.Password);
                }

                await _client.ConnectAsync(builder.Build(), ct);
                NodeLog.PublisherConnected(_log, $"{_host}:{_port}", Topic);
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(Topic)
                .WithPayload(document.ToUtf8())
                .WithContentType("application/json")
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)Math.Clamp(_options.Qos, 0, 2))
                .Build();
            var result = await _client.PublishAsync(message, ct);
            if (!result.IsSuccess)
            {
                throw new MqttCommunicationException($"broker answered {result.ReasonCode}");
            }

            _failing = false;
            return true;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            if (!_failing)
            {
                NodeLog.PublishFailed(_log, $"{_host}:{_port}", e.Message);
                _failing = true;
            }

            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MqttCommunicationException)
            {
                // Shutting down: a broker that is already gone needs no goodbye.
            }
        }

        _client.Dispose();
        _gate.Dispose();
    }
}
