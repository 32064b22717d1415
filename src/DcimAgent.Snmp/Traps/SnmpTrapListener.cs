using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Transport;

namespace DcimAgent.Snmp.Traps;

/// <summary>
/// Notification receiver (RFC 3413 §3.4): v1 traps, v2c traps and informs, v3 traps (keys localized to the
/// sender's engine id) and informs (we are authoritative: discovery answered, replies from our engine).
/// Accepted notifications go to a bounded channel; unknown, unauthenticated and overflowing ones are counted
/// and dropped. Informs are acknowledged with a Response (RFC 3416 §4.2.7).
/// </summary>
public sealed class SnmpTrapListener : IAsyncDisposable
{
    private static readonly Oid SysUpTime0 = Oid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly Oid SnmpTrapOid0 = Oid.Parse("1.3.6.1.6.3.1.1.4.1.0");
    private static readonly Oid SnmpTrapAddress0 = Oid.Parse("1.3.6.1.6.3.18.1.3.0");
    private static readonly Oid SnmpTrapCommunity0 = Oid.Parse("1.3.6.1.6.3.18.1.4.0");
    private static readonly Oid SnmpTrapEnterprise0 = Oid.Parse("1.3.6.1.6.3.1.1.4.3.0");
    private static readonly Oid SnmpTraps = Oid.Parse("1.3.6.1.6.3.1.1.5");

    private readonly Channel<SnmpNotification> _queue;
    private readonly HashSet<string> _communities;
    private readonly Dictionary<string, UsmCredentials> _users;
    private readonly HashSet<string>? _trapEngines;
    // Keys of the engines that sent v3 traps; bounded because the engine id is read before the digest is checked.
    private readonly UsmKeyCache _keys = new(capacity: 4096);
    private readonly TimeProvider _clock;
    private ISnmpTransport? _transport;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public SnmpTrapListener(SnmpTrapListenerOptions options, TimeProvider? clock = null)
    {
        Options = options;
        _clock = clock ?? TimeProvider.System;
        _communities = new HashSet<string>(options.Communities, StringComparer.Ordinal);
        _users = options.Users.ToDictionary(u => u.UserName, StringComparer.Ordinal);
        _trapEngines = options.TrapEngineIds is null ? null : new HashSet<string>(options.TrapEngineIds.Select(NormalizeHex), StringComparer.Ordinal);
        Engine = new UsmAuthoritativeEngine(options.EngineId, options.EngineBoots, options.Users, _clock, _keys);
        _queue = Channel.CreateBounded<SnmpNotification>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    public SnmpTrapListenerOptions Options { get; }

    public UsmAuthoritativeEngine Engine { get; }

    /// <summary>Localized keys held for v3 trap senders (at most 4,096).</summary>
    public int CachedKeys => _keys.Count;

    public SnmpTrapListenerCounters Counters { get; } = new();

    /// <summary>Decoded notifications, in arrival order.</summary>
    public ChannelReader<SnmpNotification> Notifications => _queue.Reader;

    public IPEndPoint? EndPoint => _transport?.LocalEndPoint as IPEndPoint;

    private static string NormalizeHex(string hex) =>
        (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex).ToUpperInvariant();

    /// <summary>Binds <see cref="SnmpTrapListenerOptions.EndPoint"/> and starts receiving.</summary>
    public IPEndPoint Start() => Start(new UdpTransport(Options.EndPoint));

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
                break;
            }

            var reply = Handle(buffer.AsSpan(0, dg.Length), dg.Remote);
            if (reply is not null)
            {
                try
                {
                    await _transport.SendAsync(reply, dg.Remote, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // The sender went away; its retry will come or not.
                }
            }
        }

        _queue.Writer.TryComplete();
    }

    /// <summary>Processes one datagram; returns what to send back (inform ack or USM report), if anything.</summary>
    public byte[]? Handle(ReadOnlySpan<byte> data, IPEndPoint source)
    {
        Interlocked.Increment(ref Counters.DatagramsValue);
        if (!SnmpMessageDecoder.TryDecode(data, out var msg, Options.DecodeOptions) || msg is null)
        {
            Interlocked.Increment(ref Counters.MalformedValue);
            return null;
        }

        return msg.Version == SnmpVersion.V3 ? HandleV3(data, msg, source) : HandleCommunity(msg, source);
    }

    private byte[]? HandleCommunity(SnmpMessage msg, IPEndPoint source)
    {
        var community = Encoding.UTF8.GetString(msg.Community);
        if (!_communities.Contains(community))
        {
            Interlocked.Increment(ref Counters.UnknownCommunityValue);
            return null;
        }

        var pdu = msg.Pdu!;
        if (pdu.Type == PduType.TrapV1)
        {
            Publish(FromV1(pdu, msg.Community, community, source));
            return null;
        }

        if (pdu.Type is not (PduType.TrapV2 or PduType.InformRequest))
        {
            Interlocked.Increment(ref Counters.MalformedValue);
            return null;
        }

        var n = FromV2(pdu, msg.Version, community, source);
        if (n is null || !Publish(n))
        {
            return null;
        }

        return pdu.Type == PduType.InformRequest ? Ack(SnmpMessageEncoder.EncodeCommunity(msg.Version, msg.Community, Response(pdu))) : null;
    }

    private byte[]? HandleV3(ReadOnlySpan<byte> data, SnmpMessage msg, IPEndPoint source)
    {
        var usm = msg.Usm!;
        if (usm.EngineId.Length == 0 || usm.EngineId.AsSpan().SequenceEqual(Engine.EngineId))
        {
            // We are authoritative (informs, and the discovery that precedes them).
            var result = Engine.Process(data, msg, Options.DecodeOptions);
            if (result.Report is not null)
            {
                Interlocked.Increment(ref Counters.ReportsValue);
                if (result.Reason != UsmStats.UnknownEngineIds)
                {
                    CountRejection(result.Reason);
                }

                return result.Report;
            }

            if (result.Accepted is not { } scoped)
            {
                CountRejection(result.Reason);
                return null;
            }

            var user = Encoding.UTF8.GetString(usm.UserName);
            var pdu = scoped.Pdu;
            if (pdu.Type is not (PduType.InformRequest or PduType.TrapV2))
            {
                Interlocked.Increment(ref Counters.MalformedValue);
                return null;
            }

            var n = FromV2(pdu, SnmpVersion.V3, user, source);
            if (n is null || !Publish(n with { ContextName = Encoding.UTF8.GetString(scoped.ContextName) }))
            {
                return null;
            }

            return pdu.Type == PduType.InformRequest
                ? Ack(Engine.Encode(Response(pdu), msg.Header.MsgId, result.Keys, usm.UserName, scoped.ContextName, contextEngineId: scoped.ContextEngineId))
                : null;
        }

        return HandleV3Trap(data, msg, source);
    }

    /// <summary>v3 trap: the sender is authoritative, keys are localized to its engine id (RFC 3414 §1.5.1).</summary>
    private byte[]? HandleV3Trap(ReadOnlySpan<byte> data, SnmpMessage msg, IPEndPoint source)
    {
        var usm = msg.Usm!;
        var userName = Encoding.UTF8.GetString(usm.UserName);
        if (!_users.TryGetValue(userName, out var user))
        {
            Interlocked.Increment(ref Counters.UnknownUserValue);
            return null;
        }

        if (_trapEngines is not null && !_trapEngines.Contains(Convert.ToHexString(usm.EngineId)))
        {
            Interlocked.Increment(ref Counters.AuthFailuresValue);
            return null;
        }

        var flags = msg.Header.Flags;
        var level = (flags & MsgFlags.Priv) != 0 ? SecurityLevel.AuthPriv : (flags & MsgFlags.Auth) != 0 ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv;
        if (level != user.Level)
        {
            // Notifications must come at the level the user is configured for.
            Interlocked.Increment(ref Counters.AuthFailuresValue);
            return null;
        }

        var keys = level == SecurityLevel.NoAuthNoPriv ? null : _keys.GetKeys(user, usm.EngineId);
        if (keys is not null && !UsmProcessor.Authenticate(data, msg, keys))
        {
            Interlocked.Increment(ref Counters.AuthFailuresValue);
            return null;
        }

        ScopedPdu scoped;
        try
        {
            scoped = UsmProcessor.OpenScopedPdu(msg, keys, Options.DecodeOptions);
        }
        catch (Exception e) when (e is CryptographicException or SnmpDecodeException)
        {
            Interlocked.Increment(ref Counters.AuthFailuresValue);
            return null;
        }

        if (scoped.Pdu.Type != PduType.TrapV2)
        {
            Interlocked.Increment(ref Counters.MalformedValue);
            return null;
        }

        var n = FromV2(scoped.Pdu, SnmpVersion.V3, userName, source);
        if (n is not null)
        {
            Publish(n with { ContextName = Encoding.UTF8.GetString(scoped.ContextName) });
        }

        return null;
    }

    private void CountRejection(Oid reason)
    {
        if (reason == UsmStats.UnknownUserNames)
        {
            Interlocked.Increment(ref Counters.UnknownUserValue);
        }
        else
        {
            Interlocked.Increment(ref Counters.AuthFailuresValue);
        }
    }

    private byte[] Ack(byte[] bytes)
    {
        Interlocked.Increment(ref Counters.InformsAckedValue);
        return bytes;
    }

    private static SnmpPdu Response(SnmpPdu inform) => new(PduType.Response, inform.RequestId, 0, 0, inform.VarBinds);

    private bool Publish(SnmpNotification n)
    {
        if (_queue.Writer.TryWrite(n))
        {
            Interlocked.Increment(ref Counters.AcceptedValue);
            return true;
        }

        Interlocked.Increment(ref Counters.QueueDroppedValue);
        return false;
    }

    /// <summary>SNMPv2-Trap/Inform: varbind 1 sysUpTime.0, varbind 2 snmpTrapOID.0 (RFC 3416 §4.2.6).</summary>
    private SnmpNotification? FromV2(SnmpPdu pdu, SnmpVersion version, string securityName, IPEndPoint source)
    {
        var vbs = pdu.VarBinds;
        if (vbs.Count < 2 || vbs[0].Oid != SysUpTime0 || vbs[0].Value.Type != SnmpType.TimeTicks
            || vbs[1].Oid != SnmpTrapOid0 || vbs[1].Value.Type != SnmpType.ObjectIdentifier)
        {
            Interlocked.Increment(ref Counters.MalformedValue);
            return null;
        }

        var rest = new VarBind[vbs.Count - 2];
        for (var i = 2; i < vbs.Count; i++)
        {
            rest[i - 2] = vbs[i];
        }

        return new SnmpNotification(source, version, securityName, pdu.Type == PduType.InformRequest, vbs[1].Value.AsOid(),
            (uint)vbs[0].Value.AsUInt64(), rest, _clock.GetUtcNow());
    }

    /// <summary>RFC 3584 §3.1: the v2 trap OID and the extra varbinds of a translated v1 trap.</summary>
    private SnmpNotification FromV1(SnmpPdu pdu, byte[] communityBytes, string community, IPEndPoint source)
    {
        var t = pdu.TrapV1!;
        var trapOid = t.GenericTrap is >= 0 and < 6
            ? SnmpTraps.Append((uint)t.GenericTrap + 1)
            : t.Enterprise.Append([0u, unchecked((uint)t.SpecificTrap)]);
        var vbs = new List<VarBind>(pdu.VarBinds.Count + 3);
        vbs.AddRange(pdu.VarBinds);
        vbs.Add(new VarBind(SnmpTrapAddress0, SnmpValue.IpAddress(t.AgentAddress)));
        vbs.Add(new VarBind(SnmpTrapCommunity0, SnmpValue.OctetString(communityBytes)));
        vbs.Add(new VarBind(SnmpTrapEnterprise0, SnmpValue.ObjectId(t.Enterprise)));
        return new SnmpNotification(source, SnmpVersion.V1, community, false, trapOid, t.TimeStamp, vbs, _clock.GetUtcNow()) { V1 = t };
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            _transport?.Dispose();
            if (_loop is not null)
            {
                await _loop.ConfigureAwait(false);
            }

            _stop.Dispose();
        }

        _queue.Writer.TryComplete();
    }
}
