using System.Net;
using System.Text;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Transport;

namespace DcimAgent.Snmp.Agent;

/// <summary>
/// A small read-only command responder (RFC 3413 §3.2) over an in-memory <see cref="SortedOidTable"/>:
/// Get, GetNext, GetBulk for v1/v2c communities and v3 USM users. For the embedded simulator and as an
/// in-process fake agent in tests. Anything it does not accept is dropped (and counted).
/// </summary>
public sealed class SnmpAgent : IAsyncDisposable
{
    private readonly HashSet<string> _communities;
    private ISnmpTransport? _transport;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private long _requests;
    private long _dropped;

    public SnmpAgent(SortedOidTable table, SnmpAgentOptions? options = null, TimeProvider? clock = null)
    {
        Table = table;
        Options = options ?? new SnmpAgentOptions();
        _communities = new HashSet<string>(Options.Communities, StringComparer.Ordinal);
        Engine = new UsmAuthoritativeEngine(Options.EngineId, Options.EngineBoots, Options.Users, clock);
    }

    public SortedOidTable Table { get; set; }

    public SnmpAgentOptions Options { get; }

    public UsmAuthoritativeEngine Engine { get; }

    public long Requests => Interlocked.Read(ref _requests);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Where the listener is bound, once started.</summary>
    public IPEndPoint? EndPoint => _transport?.LocalEndPoint as IPEndPoint;

    /// <summary>Binds a UDP socket (port 0 picks one) and answers until disposed.</summary>
    public IPEndPoint Start(IPEndPoint bind) => Start(new UdpTransport(bind));

    public IPEndPoint Start(ISnmpTransport transport)
    {
        if (_transport is not null)
        {
            throw new InvalidOperationException("already started");
        }

        _transport = transport;
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => LoopAsync(_stop.Token));
        return (IPEndPoint)transport.LocalEndPoint;
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var buffer = new byte[65536];
        while (!ct.IsCancellationRequested)
        {
            SnmpDatagram dg;
            try
            {
                dg = await _transport!.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var reply = HandleRequest(buffer.AsSpan(0, dg.Length));
            if (reply is not null)
            {
                try
                {
                    await _transport.SendAsync(reply, dg.Remote, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    Interlocked.Increment(ref _dropped);
                }
            }
        }
    }

    /// <summary>Answers one request datagram; null means drop (bad community, malformed, unsupported PDU).</summary>
    public byte[]? HandleRequest(ReadOnlySpan<byte> request)
    {
        Interlocked.Increment(ref _requests);
        if (!SnmpMessageDecoder.TryDecode(request, out var msg, Options.DecodeOptions) || msg is null)
        {
            Interlocked.Increment(ref _dropped);
            return null;
        }

        if (msg.Version != SnmpVersion.V3)
        {
            if (!_communities.Contains(Encoding.UTF8.GetString(msg.Community)) || msg.Pdu is not { } pdu || !IsRequest(pdu.Type))
            {
                Interlocked.Increment(ref _dropped);
                return null;
            }

            var response = Answer(pdu, msg.Version);
            return SnmpMessageEncoder.EncodeCommunity(msg.Version, msg.Community, response);
        }

        var result = Engine.Process(request, msg, Options.DecodeOptions);
        if (result.Report is not null)
        {
            return result.Report;
        }

        if (result.Accepted is not { } scoped || !IsRequest(scoped.Pdu.Type))
        {
            Interlocked.Increment(ref _dropped);
            return null;
        }

        var answer = Answer(scoped.Pdu, SnmpVersion.V3);
        return Engine.Encode(answer, msg.Header.MsgId, result.Keys, msg.Usm!.UserName, scoped.ContextName, contextEngineId: scoped.ContextEngineId);
    }

    private static bool IsRequest(PduType type) => type is PduType.GetRequest or PduType.GetNextRequest or PduType.GetBulkRequest;

    private SnmpPdu Answer(SnmpPdu request, SnmpVersion version)
    {
        var table = Table;
        var vbs = request.VarBinds;
        if (request.Type == PduType.GetBulkRequest)
        {
            return new SnmpPdu(PduType.Response, request.RequestId, 0, 0, Bulk(table, request));
        }

        var result = new VarBind[vbs.Count];
        for (var i = 0; i < vbs.Count; i++)
        {
            result[i] = request.Type == PduType.GetRequest
                ? new VarBind(vbs[i].Oid, table.Get(vbs[i].Oid))
                : table.GetNext(vbs[i].Oid);
            if (version == SnmpVersion.V1 && (result[i].Value.IsException || result[i].Value.Type == SnmpType.Counter64))
            {
                // RFC 3584 §4.1.2.3: v1 has no exceptions (nor Counter64): noSuchName, echoing the request.
                return new SnmpPdu(PduType.Response, request.RequestId, (int)SnmpErrorStatus.NoSuchName, i + 1, vbs);
            }
        }

        return new SnmpPdu(PduType.Response, request.RequestId, 0, 0, result);
    }

    /// <summary>RFC 3416 §4.2.3: N non-repeaters, then up to M rounds over the R repeaters.</summary>
    private List<VarBind> Bulk(SortedOidTable table, SnmpPdu request)
    {
        var vbs = request.VarBinds;
        var n = Math.Clamp(request.NonRepeaters, 0, vbs.Count);
        var m = Math.Max(0, request.MaxRepetitions);
        var r = vbs.Count - n;
        var result = new List<VarBind>(Math.Min(Options.MaxBulkVarBinds, n + (m * r)));
        var size = 0;
        for (var i = 0; i < n; i++)
        {
            result.Add(table.GetNext(vbs[i].Oid));
        }

        var cursor = new Oid[r];
        for (var j = 0; j < r; j++)
        {
            cursor[j] = vbs[n + j].Oid;
        }

        for (var rep = 0; rep < m && r > 0; rep++)
        {
            var allEnd = true;
            for (var j = 0; j < r; j++)
            {
                var next = table.GetNext(cursor[j]);
                cursor[j] = next.Oid;
                allEnd &= next.Value.Type == SnmpType.EndOfMibView;
                size += 16 + (next.Oid.Length * 2) + (next.Value.Reference is byte[] b ? b.Length : 8);
                if (result.Count >= Options.MaxBulkVarBinds || size > Options.MaxResponseSize - 200)
                {
                    return result;
                }

                result.Add(next);
            }

            if (allEnd)
            {
                break;
            }
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            _transport?.Dispose();
            if (_loop is not null)
            {
                try
                {
                    await _loop.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            _stop.Dispose();
        }
    }
}
