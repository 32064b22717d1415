using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Transport;

namespace DcimAgent.Snmp.Client;

/// <summary>
/// SNMP manager over ONE socket: any number of targets and outstanding requests, matched by random request
/// ids (msgID for v3). Stale, duplicate, foreign and malformed replies are dropped and counted. Expected
/// failures come back as <see cref="SnmpResult{T}"/> errors. Read-only: there is no SET.
/// </summary>
public sealed partial class SnmpClient : IAsyncDisposable, IDisposable
{
    private const int RecentCapacity = 4096;

    private readonly ISnmpTransport _transport;
    private readonly bool _ownsTransport;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<IPEndPoint, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<IPEndPoint, EngineState> _engines = new();
    private readonly Lock _recentGate = new();
    private readonly HashSet<int> _recent = [];
    private readonly Queue<int> _recentOrder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private readonly Thread? _receiveThread;
    private int _disposed;

    public SnmpClient(SnmpClientOptions? options = null, ISnmpTransport? transport = null, TimeProvider? clock = null)
    {
        Options = options ?? new SnmpClientOptions();
        _ownsTransport = transport is null;
        _transport = transport ?? new UdpTransport();
        _clock = clock ?? TimeProvider.System;
        if (_transport is IBlockingDatagramReceiver blocking)
        {
            var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _receiveThread = new Thread(() => ReceiveThread(blocking, exited))
            {
                IsBackground = true,
                Name = "snmp-client-rx",
            };
            _receiveThread.Start();
            _receiveLoop = exited.Task;
        }
        else
        {
            _receiveLoop = Task.Run(ReceiveLoopAsync);
        }
    }

    public SnmpClientOptions Options { get; }

    public SnmpClientCounters Counters { get; } = new();

    public EndPoint LocalEndPoint => _transport.LocalEndPoint;

    /// <summary>GET (RFC 3416 §4.2.1).</summary>
    public async Task<SnmpResult<IReadOnlyList<VarBind>>> GetAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken cancellationToken = default) =>
        ToVarBinds(await ExchangeAsync(target, id => SnmpPdu.Get(id, oids), cancellationToken).ConfigureAwait(false));

    /// <summary>GETNEXT (RFC 3416 §4.2.2).</summary>
    public async Task<SnmpResult<IReadOnlyList<VarBind>>> GetNextAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken cancellationToken = default) =>
        ToVarBinds(await ExchangeAsync(target, id => SnmpPdu.GetNext(id, oids), cancellationToken).ConfigureAwait(false));

    /// <summary>GETBULK (RFC 3416 §4.2.3); SNMPv2c/v3 only.</summary>
    public async Task<SnmpResult<IReadOnlyList<VarBind>>> GetBulkAsync(
        SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<Oid> oids, CancellationToken cancellationToken = default)
    {
        if (target.Version == SnmpVersion.V1)
        {
            return SnmpResult.Fail<IReadOnlyList<VarBind>>(SnmpErrorKind.Other, "GetBulk is not available in SNMPv1");
        }

        return ToVarBinds(await ExchangeAsync(target, id => SnmpPdu.GetBulk(id, nonRepeaters, maxRepetitions, oids), cancellationToken).ConfigureAwait(false));
    }

    private static SnmpResult<IReadOnlyList<VarBind>> ToVarBinds(SnmpResult<SnmpPdu> r)
    {
        if (!r.IsSuccess)
        {
            return SnmpResult.Fail<IReadOnlyList<VarBind>>(r.Error!);
        }

        var pdu = r.Value!;
        if (pdu.ErrorStatus == 0)
        {
            return SnmpResult.Ok(pdu.VarBinds);
        }

        var status = pdu.Status;
        var kind = status switch
        {
            SnmpErrorStatus.NoSuchName => SnmpErrorKind.NoSuchObject,
            SnmpErrorStatus.AuthorizationError => SnmpErrorKind.Auth,
            _ => SnmpErrorKind.Refused,
        };
        var at = pdu.ErrorIndex > 0 && pdu.ErrorIndex <= pdu.VarBinds.Count ? $" at .{pdu.VarBinds[pdu.ErrorIndex - 1].Oid}" : string.Empty;
        return SnmpResult.Fail<IReadOnlyList<VarBind>>(new SnmpError(kind, $"agent answered {status}{at}")
        {
            ErrorStatus = status,
            ErrorIndex = pdu.ErrorIndex,
        });
    }

    private static int NewId() => RandomNumberGenerator.GetInt32(1, int.MaxValue);

    private int Register(PendingRequest request)
    {
        while (true)
        {
            var id = NewId();
            if (_pending.TryAdd(id, request))
            {
                return id;
            }
        }
    }

    private void Complete(int id)
    {
        _pending.TryRemove(id, out _);
        lock (_recentGate)
        {
            if (_recent.Add(id))
            {
                _recentOrder.Enqueue(id);
                if (_recentOrder.Count > RecentCapacity)
                {
                    _recent.Remove(_recentOrder.Dequeue());
                }
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            SnmpDatagram datagram;
            try
            {
                datagram = await _transport.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                continue;
            }

            Interlocked.Increment(ref Counters.RepliesValue);
            Dispatch(buffer.AsMemory(0, datagram.Length), datagram.Remote);
        }
    }

    /// <summary>
    /// The receive loop on its own thread, blocking in the system call. A reply completes its request inline: the
    /// walk that waited for it builds and sends its next request on this thread, so a multi-step walk costs one
    /// kernel wake-up per reply and no thread-pool hand-off (callers hop off before heavy work; see
    /// <see cref="PendingRequest"/>).
    /// </summary>
    private void ReceiveThread(IBlockingDatagramReceiver receiver, TaskCompletionSource exited)
    {
        var buffer = new byte[65536];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SnmpDatagram? datagram;
                try
                {
                    datagram = receiver.Receive(buffer, TimeSpan.FromMilliseconds(500));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    continue;
                }

                if (datagram is { } d)
                {
                    Interlocked.Increment(ref Counters.RepliesValue);
                    Dispatch(buffer.AsMemory(0, d.Length), d.Remote);
                }
            }
        }
        finally
        {
            exited.TrySetResult();
        }
    }

    /// <summary>Matches one datagram to its request. Internal so tests can feed datagrams directly.</summary>
    internal void Dispatch(ReadOnlyMemory<byte> data, IPEndPoint remote)
    {
        if (!SnmpMessageDecoder.TryPeekId(data.Span, out _, out var id))
        {
            Interlocked.Increment(ref Counters.MalformedValue);
            return;
        }

        if (!_pending.TryGetValue(id, out var request))
        {
            bool recent;
            lock (_recentGate)
            {
                recent = _recent.Contains(id);
            }

            Interlocked.Increment(ref recent ? ref Counters.DuplicateValue : ref Counters.StaleValue);
            return;
        }

        if (!request.Remote.Equals(remote))
        {
            Interlocked.Increment(ref Counters.ForeignValue);
            return;
        }

        Reply? reply;
        try
        {
            reply = request.Process(data);
        }
        catch (SnmpDecodeException e)
        {
            Interlocked.Increment(ref Counters.MalformedValue);
            reply = new Reply(null, null, false, new SnmpError(SnmpErrorKind.Decode, $"malformed reply from {remote}: {e.Message}"));
        }

        if (reply is null)
        {
            return;
        }

        if (!request.Completion.TrySetResult(reply))
        {
            Interlocked.Increment(ref Counters.DuplicateValue);
        }
    }

    private SemaphoreSlim GateFor(IPEndPoint endPoint) =>
        _gates.GetOrAdd(endPoint, _ => new SemaphoreSlim(Options.MaxConcurrentRequestsPerTarget));

    /// <summary>
    /// Sends <paramref name="encode"/>(attempt) until a reply is accepted or the retries run out; the request id
    /// stays the same across retransmissions so a late answer to an earlier attempt still counts.
    /// </summary>
    private async Task<SnmpResult<Reply>> SendAndWaitAsync(
        SnmpTarget target, Func<int, byte[]> encode, Func<int, ReadOnlyMemory<byte>, Reply?> process, CancellationToken cancellationToken)
    {
        PendingRequest? request = null;
        var id = 0;
        request = new PendingRequest(target.EndPoint, data => process(id, data), _receiveThread is not null);
        id = Register(request);
        try
        {
            for (var attempt = 0; attempt <= target.Retries; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bytes = encode(id);
                Interlocked.Increment(ref attempt == 0 ? ref Counters.RequestsValue : ref Counters.RetransmissionsValue);
                await _transport.SendAsync(bytes, target.EndPoint, cancellationToken).ConfigureAwait(false);
                try
                {
                    var reply = await request.Completion.Task.WaitAsync(target.Timeout, _clock, cancellationToken).ConfigureAwait(false);
                    return reply.Error is null ? SnmpResult.Ok(reply) : SnmpResult.Fail<Reply>(reply.Error);
                }
                catch (TimeoutException)
                {
                }
            }

            Interlocked.Increment(ref Counters.TimeoutsValue);
            return SnmpResult.Fail<Reply>(SnmpErrorKind.Timeout, $"Timeout: No Response from {target.EndPoint}.");
        }
        finally
        {
            Complete(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_ownsTransport)
        {
            _transport.Dispose();
        }

        try
        {
            if (Thread.CurrentThread != _receiveThread)
            {
                // Not when disposed from a continuation running on the receive thread: it exits by itself.
                await _receiveLoop.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
