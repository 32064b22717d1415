using System.Buffers;
using System.Threading.Channels;
using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace DcimAgent.Mqtt;

/// <summary>
/// One broker: an MQTTnet client kept connected by a supervising loop (MQTTnet 5 has no managed client), the
/// subscriptions routed to it, and a bounded queue between the socket and the store.
/// <list type="bullet">
/// <item>Every (re)connection subscribes again: a broker that restarted without persistence has forgotten us, and
///   re-subscribing an existing session is harmless.</item>
/// <item>The receive handler only copies the payload and queues it. QoS 0 messages that find the queue full are
///   dropped and counted; QoS 1/2 messages wait, and are acknowledged only once stored, so a crash before that
///   makes the broker deliver them again.</item>
/// <item>One consumer per broker keeps messages in order (Sparkplug sequence numbers depend on it).</item>
/// </list>
/// </summary>
public sealed class BrokerConnection : IAsyncDisposable
{
    private long _subscribeRounds;
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly MqttBrokerConfig _config;
    private readonly MqttSubscription[] _subscriptions;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MqttSelfMetrics _metrics;
    private readonly MqttClientOptions _options;
    private readonly IMqttClient _client;
    private readonly ReadAheadAdapterFactory _adapters = new();
    private readonly TopicStrings _topics = new();
    private readonly Channel<InboundMessage> _queue;
    private readonly Backoff _backoff;
    private readonly WarningGate[] _rejectGates;
    private readonly WarningGate _dropGate;
    private readonly LabelSet _brokerLabel;
    private readonly int _maxPayload;
    private readonly long[] _gapsReported;
    private readonly Prometheus.Counter.Child _dropped;
    private readonly Prometheus.Counter.Child _waits;
    private TaskCompletionSource<string> _disconnected = NewSignal();
    private long _connections;
    private long _failedAttempts;
    private long _longestRetryDelayTicks;

    public BrokerConnection(
        MqttBrokerConfig config,
        IReadOnlyList<MqttSubscription> subscriptions,
        SeriesStore store,
        TimeProvider time,
        ILogger logger,
        MqttSelfMetrics metrics,
        string where)
    {
        _config = config;
        _subscriptions = [.. subscriptions];
        _store = store;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _options = MqttClientOptionsFactory.Build(config, where);
        _backoff = new Backoff(config.ReconnectMin, config.ReconnectMax);
        if (config.QueueCapacity <= 0)
        {
            throw new ArgumentException($"{where}.queue_capacity must be positive");
        }

        _queue = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(config.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _rejectGates = [.. _subscriptions.Select(_ => new WarningGate(time, WarningInterval))];
        _dropGate = new WarningGate(time, WarningInterval);
        _gapsReported = new long[_subscriptions.Length];
        _brokerLabel = LabelSet.Of(("broker", config.Name));
        _dropped = metrics.QueueDropped.WithLabels(config.Name);
        _waits = metrics.QueueWaits.WithLabels(config.Name);
        _maxPayload = _subscriptions.Length == 0 ? 0 : _subscriptions.Max(s => s.Config.MaxPayloadBytes);
        _client = new MqttClientFactory().CreateMqttClient(_adapters);
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += e =>
        {
            _disconnected.TrySetResult(e.Reason.ToString());
            return Task.CompletedTask;
        };
    }

    public string Name => _config.Name;

    public IReadOnlyList<MqttSubscription> Subscriptions => _subscriptions;

    /// <summary>How many times every subscription was (re)sent and answered: once per successful connection.</summary>
    public long SubscribeRounds => Interlocked.Read(ref _subscribeRounds);

    public bool IsConnected => _client.IsConnected;

    /// <summary>QoS 1 acknowledgements sent on the current connection, and the socket writes that carried them.</summary>
    public (long Acks, long Writes) AckStats => _adapters.Acks is { } a ? (a.AcksSent, a.AckWrites) : (0, 0);

    /// <summary>Successful connections so far (the first one included).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Connection attempts that failed (broker down, refused, TLS or auth trouble) so far.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>The longest wait between two attempts so far: never above <c>reconnect_max</c>.</summary>
    public TimeSpan LongestRetryDelay => TimeSpan.FromTicks(Interlocked.Read(ref _longestRetryDelayTicks));

    /// <summary>Runs the connection loop, the consumer and the silence check until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var now = NowMs();
        SetConnected(false);
        foreach (var s in _subscriptions)
        {
            s.WriteCounters(now, _store);
        }

        var consumer = Task.Run(() => ConsumeAsync(ct), CancellationToken.None);
        var silence = Task.Run(() => WatchSilenceAsync(ct), CancellationToken.None);
        try
        {
            await SuperviseAsync(ct);
        }
        finally
        {
            await Task.WhenAll(consumer, silence);
            SetConnected(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cts.Token);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                // Shutting down: a broker that is already gone needs no goodbye.
            }
        }

        _client.Dispose();
    }

    private static TaskCompletionSource<string> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void SetConnected(bool connected) =>
        _store.Write(new Sample(MetricCatalog.MqttConnected, null, _brokerLabel, connected ? 1 : 0, NowMs()));

    private async Task SuperviseAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            string reason;
            try
            {
                _disconnected = NewSignal();
                var result = await _client.ConnectAsync(_options, ct);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new MqttCommunicationException($"broker answered {result.ResultCode}");
                }

                if (Interlocked.Increment(ref _connections) > 1)
                {
                    _metrics.Reconnects.WithLabels(Name).Inc();
                }

                _backoff.Reset();
                SetConnected(true);
                MqttLog.Connected(_logger, Name, _config.Url, _config.Protocol, result.IsSessionPresent);
                await SubscribeAllAsync(ct);
                Interlocked.Increment(ref _subscribeRounds);
                reason = await _disconnected.Task.WaitAsync(ct);
                SetConnected(false);
                MqttLog.Disconnected(_logger, Name, reason);
                continue;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or InvalidOperationException
                or MqttProtocolViolationException or System.Net.Sockets.SocketException or IOException
                or System.Security.Authentication.AuthenticationException)
            {
                reason = e.Message;
            }

            SetConnected(false);
            var delay = _backoff.Next();
            Interlocked.Increment(ref _failedAttempts);
            if (delay.Ticks > Interlocked.Read(ref _longestRetryDelayTicks))
            {
                Interlocked.Exchange(ref _longestRetryDelayTicks, delay.Ticks);
            }

            MqttLog.ConnectFailed(_logger, Name, reason, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task SubscribeAllAsync(CancellationToken ct)
    {
        var v5 = _config.Protocol == 5;
        for (var i = 0; i < _subscriptions.Length; i++)
        {
            var s = _subscriptions[i];
            var filter = s.Template.SubscribeFilter(s.Config.ShareGroup);
            var builder = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel((MqttQualityOfServiceLevel)s.Config.Qos));
            if (v5)
            {
                // Identifiers route each message to exactly the subscriptions that matched it.
                builder.WithSubscriptionIdentifier((uint)(i + 1));
            }

            var result = await _client.SubscribeAsync(builder.Build(), ct);
            foreach (var item in result.Items)
            {
                if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    MqttLog.SubscribeRefused(_logger, Name, s.Name, filter, item.ResultCode.ToString());
                }
                else
                {
                    MqttLog.Subscribed(_logger, Name, filter, (int)item.ResultCode, s.Name);
                }
            }
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var length = (int)Math.Min(message.Payload.Length, int.MaxValue);
        byte[]? buffer = null;
        if (length <= _maxPayload)
        {
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            message.Payload.CopyTo(buffer);
        }

        var needsAck = message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce;
        if (needsAck)
        {
            e.AutoAcknowledge = false;
        }

        var item = new InboundMessage(_topics.Canonical(message.Topic), buffer, length, SubscriptionSet.From(message.SubscriptionIdentifiers), needsAck ? e : null, NowMs());
        if (_queue.Writer.TryWrite(item))
        {
            return Task.CompletedTask;
        }

        if (!needsAck)
        {
            Release(item);
            _dropped.Inc();
            if (_dropGate.TryPass(out var suppressed))
            {
                MqttLog.Dropped(_logger, Name, message.Topic, suppressed);
            }

            return Task.CompletedTask;
        }

        _waits.Inc();
        return _queue.Writer.WriteAsync(item).AsTask();
    }

    /// <summary>
    /// Drains the queue into the store. QoS 1/2 acknowledgements are queued on the connection as each message is
    /// stored and sent together once the queue is empty (or <see cref="AckBatchingChannel.MaxBatch"/> are waiting):
    /// one write for a burst instead of one per message.
    /// </summary>
    private async Task ConsumeAsync(CancellationToken ct)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                while (reader.TryRead(out var item))
                {
                    await HandleAsync(item, ct);
                }

                await FlushAcksAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: messages still queued were not acknowledged, so the broker keeps those of QoS 1/2.
        }
    }

    private async ValueTask HandleAsync(InboundMessage item, CancellationToken ct)
    {
        try
        {
            Dispatch(item);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in a mapper must not stop the subscription: log it and go on with the next message.
            MqttLog.ProcessingFailed(_logger, e, Name, item.Topic);
        }
        finally
        {
            Release(item);
        }

        if (item.PendingAck is { } ack)
        {
            try
            {
                await ack.AcknowledgeAsync(ct);
            }
            catch (Exception e) when (e is MqttCommunicationException or InvalidOperationException or ObjectDisposedException
                || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // The connection dropped after the message was stored: the broker redelivers it, and the
                // store takes the same reading twice without harm. (A cancellation that is not ours is the
                // connection's: it must not end the consumer.)
            }
        }
    }

    private async Task FlushAcksAsync(CancellationToken ct)
    {
        if (_adapters.Acks is not { } acks)
        {
            return;
        }

        try
        {
            await acks.FlushAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Whatever the dying connection throws (MQTTnet's, the socket's or the stream's exceptions, a
            // cancellation of its own), the consumer must go on: the acknowledgements are lost and the broker
            // redelivers those messages.
            MqttLog.AckFlushFailed(_logger, Name, e.Message);
        }
    }

    private void Dispatch(in InboundMessage item)
    {
        var matched = false;
        for (var i = 0; i < _subscriptions.Length; i++)
        {
            var s = _subscriptions[i];
            if (!RoutesTo(item, i, s))
            {
                continue;
            }

            matched = true;
            var outcome = item.Buffer is null
                ? s.RejectOversize(item.Length, item.ReceivedMs, _store)
                : s.Process(item.Topic, item.Buffer.AsMemory(0, item.Length), item.ReceivedMs, _store);
            if (!outcome.Accepted && _rejectGates[i].TryPass(out var suppressed))
            {
                MqttLog.Rejected(_logger, s.Name, item.Topic, outcome.Reason!, suppressed);
            }

            var gaps = s.SeqGaps;
            if (gaps != _gapsReported[i])
            {
                _metrics.SeqGaps.WithLabels(s.Name).Inc(gaps - _gapsReported[i]);
                _gapsReported[i] = gaps;
            }
        }

        if (!matched)
        {
            MqttLog.Unmatched(_logger, Name, item.Topic);
        }
    }

    private static bool RoutesTo(in InboundMessage item, int index, MqttSubscription s)
    {
        if (!item.Subscriptions.IsEmpty)
        {
            return item.Subscriptions.Contains(index);
        }

        return s.Topics.TryMatch(item.Topic, out _);
    }

    private static void Release(in InboundMessage item)
    {
        if (item.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(item.Buffer);
        }
    }

    private async Task WatchSilenceAsync(CancellationToken ct)
    {
        var periods = _subscriptions.Where(s => s.Config.ExpectEvery is not null).Select(s => s.Config.ExpectEvery!.Value).ToList();
        if (periods.Count == 0)
        {
            return;
        }

        var tick = TimeSpan.FromTicks(Math.Clamp(periods.Min().Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(15).Ticks));
        using var timer = new PeriodicTimer(tick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = NowMs();
                foreach (var s in _subscriptions)
                {
                    foreach (var device in s.CheckSilence(now, _store))
                    {
                        MqttLog.Silent(_logger, s.Name, device.Device);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
