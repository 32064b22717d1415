using System.Security.Cryptography;
using System.Text;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Client;

public sealed partial class SnmpClient
{
    /// <summary>One request/response exchange under the target's concurrency limit.</summary>
    private async Task<SnmpResult<SnmpPdu>> ExchangeAsync(SnmpTarget target, Func<int, SnmpPdu> makePdu, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var gate = GateFor(target.EndPoint);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return target.Version == SnmpVersion.V3
                ? await ExchangeV3Async(target, makePdu, cancellationToken).ConfigureAwait(false)
                : await ExchangeCommunityAsync(target, makePdu, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>v1/v2c (RFC 1157, RFC 1901): the reply must be a Response of the same version and community.</summary>
    private async Task<SnmpResult<SnmpPdu>> ExchangeCommunityAsync(SnmpTarget target, Func<int, SnmpPdu> makePdu, CancellationToken cancellationToken)
    {
        var community = Encoding.UTF8.GetBytes(target.Community);
        byte[]? encoded = null;
        var r = await SendAndWaitAsync(
            target,
            id => encoded ??= SnmpMessageEncoder.EncodeCommunity(target.Version, community, makePdu(id)),
            (_, data) =>
            {
                var msg = SnmpMessageDecoder.Decode(data.Span, Options.DecodeOptions);
                if (msg.Version != target.Version || !msg.Community.AsSpan().SequenceEqual(community) || msg.Pdu?.Type != PduType.Response)
                {
                    Interlocked.Increment(ref Counters.ForeignValue);
                    return null;
                }

                return new Reply(msg.Pdu, null, false, null);
            },
            cancellationToken).ConfigureAwait(false);
        return r.IsSuccess ? SnmpResult.Ok(r.Value!.Pdu!) : SnmpResult.Fail<SnmpPdu>(r.Error!);
    }

    /// <summary>
    /// SNMPv3 with USM: discovery (RFC 3414 §4), the request, and one recovery on notInTimeWindow (resync from
    /// the authenticated report, §3.2 step 7) or unknownEngineID (rediscovery).
    /// </summary>
    private async Task<SnmpResult<SnmpPdu>> ExchangeV3Async(SnmpTarget target, Func<int, SnmpPdu> makePdu, CancellationToken cancellationToken)
    {
        var user = target.User ?? throw new ArgumentException("SNMPv3 target without a user", nameof(target));
        user.Validate();
        for (var round = 0; round < 3; round++)
        {
            var engineResult = await GetEngineAsync(target, round > 0, cancellationToken).ConfigureAwait(false);
            if (!engineResult.IsSuccess)
            {
                return SnmpResult.Fail<SnmpPdu>(engineResult.Error!);
            }

            var engine = engineResult.Value!;
            var keys = user.Level == SecurityLevel.NoAuthNoPriv ? null : Options.KeyCache.GetKeys(user, engine.EngineId);
            var r = await SendV3Async(target, engine, keys, makePdu, cancellationToken).ConfigureAwait(false);
            if (!r.IsSuccess)
            {
                return SnmpResult.Fail<SnmpPdu>(r.Error!);
            }

            var reply = r.Value!;
            var pdu = reply.Pdu!;
            if (pdu.Type != PduType.Report)
            {
                return SnmpResult.Ok(pdu);
            }

            var reportOid = pdu.VarBinds.Count > 0 ? pdu.VarBinds[0].Oid : default;
            if (reportOid == UsmStats.NotInTimeWindows && reply.Usm is { } usm && round < 2)
            {
                // RFC 3414 §4 / §3.2 step 7b: take boots/time from the (authenticated) report and resend.
                engine.Update(usm.EngineBoots, usm.EngineTime, _clock, force: true);
                Interlocked.Increment(ref Counters.TimeResyncsValue);
                continue;
            }

            if (reportOid == UsmStats.UnknownEngineIds && round < 2 && target.EngineId is null)
            {
                _engines.TryRemove(target.EndPoint, out _);
                Interlocked.Increment(ref Counters.RediscoveriesValue);
                continue;
            }

            var reason = UsmStats.Describe(reportOid) ?? $"report {reportOid}";
            return SnmpResult.Fail<SnmpPdu>(new SnmpError(SnmpErrorKind.Auth, $"Authentication failure ({reason}) for user '{user.UserName}'")
            {
                ReportOid = reportOid,
            });
        }

        return SnmpResult.Fail<SnmpPdu>(SnmpErrorKind.Auth, "could not synchronise with the agent's engine time");
    }

    private async Task<SnmpResult<EngineState>> GetEngineAsync(SnmpTarget target, bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _engines.TryGetValue(target.EndPoint, out var known))
        {
            return SnmpResult.Ok(known);
        }

        if (target.EngineId is { Length: > 0 } configured && !_engines.ContainsKey(target.EndPoint))
        {
            // net-snmp -e: engine id given; boots/time come from the first notInTimeWindow report.
            return SnmpResult.Ok(_engines.GetOrAdd(target.EndPoint, new EngineState(configured, 0, 0, _clock.GetTimestamp())));
        }

        if (target.EngineId is { Length: > 0 } && _engines.TryGetValue(target.EndPoint, out var existing))
        {
            return SnmpResult.Ok(existing);
        }

        // RFC 3414 §4: noAuthNoPriv, reportable, empty engine id and user name; the Report carries the engine.
        var r = await SendAndWaitAsync(
            target,
            id => UsmProcessor.Encode(SnmpPdu.Get(id, []), id, target.MaxMessageSize, true, null, [], [], 0, 0, [], []),
            (_, data) =>
            {
                var msg = SnmpMessageDecoder.Decode(data.Span, Options.DecodeOptions);
                if (msg.Version != SnmpVersion.V3 || msg.ScopedPdu is null || msg.Usm is null)
                {
                    return null;
                }

                return new Reply(msg.ScopedPdu.Pdu, msg.Usm, false, null);
            },
            cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess)
        {
            return SnmpResult.Fail<EngineState>(r.Error! with { Message = r.Error!.Message + " (SNMPv3 engine discovery)" });
        }

        var usm = r.Value!.Usm!;
        if (usm.EngineId.Length == 0)
        {
            return SnmpResult.Fail<EngineState>(SnmpErrorKind.Other, "engine discovery returned an empty engine id");
        }

        var state = new EngineState(usm.EngineId, usm.EngineBoots, usm.EngineTime, _clock.GetTimestamp());
        _engines[target.EndPoint] = state;
        return SnmpResult.Ok(state);
    }

    private async Task<SnmpResult<Reply>> SendV3Async(
        SnmpTarget target, EngineState engine, UsmUserKeys? keys, Func<int, SnmpPdu> makePdu, CancellationToken cancellationToken)
    {
        var user = target.User!;
        var userName = Encoding.UTF8.GetBytes(user.UserName);
        var contextName = Encoding.UTF8.GetBytes(target.ContextName);
        var contextEngineId = target.ContextEngineId ?? engine.EngineId;
        return await SendAndWaitAsync(
            target,
            id =>
            {
                var (boots, time) = engine.Now(_clock);
                return UsmProcessor.Encode(makePdu(id), id, target.MaxMessageSize, true, keys, userName, engine.EngineId, boots, time, contextEngineId, contextName);
            },
            (_, data) => OpenV3Reply(data, engine, keys),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RFC 3414 §3.2 for a reply: authenticate, update the time estimate, decrypt.</summary>
    private Reply? OpenV3Reply(ReadOnlyMemory<byte> data, EngineState engine, UsmUserKeys? keys)
    {
        var msg = SnmpMessageDecoder.Decode(data.Span, Options.DecodeOptions);
        if (msg.Version != SnmpVersion.V3 || msg.Usm is null)
        {
            return null;
        }

        var authenticated = false;
        if ((msg.Header.Flags & MsgFlags.Auth) != 0)
        {
            if (keys is null || !msg.Usm.EngineId.AsSpan().SequenceEqual(keys.EngineId) || !UsmProcessor.Authenticate(data.Span, msg, keys))
            {
                Interlocked.Increment(ref Counters.AuthFailuresValue);
                return null;
            }

            authenticated = true;
            engine.Update(msg.Usm.EngineBoots, msg.Usm.EngineTime, _clock);
        }

        ScopedPdu scoped;
        try
        {
            scoped = UsmProcessor.OpenScopedPdu(msg, keys, Options.DecodeOptions);
        }
        catch (CryptographicException e)
        {
            return new Reply(null, msg.Usm, authenticated, new SnmpError(SnmpErrorKind.Auth, $"decryption failed ({e.Message}): privacy protocol or password mismatch"));
        }

        if (scoped.Pdu.Type is not (PduType.Response or PduType.Report))
        {
            return null;
        }

        if (scoped.Pdu.Type == PduType.Response && keys is not null && !authenticated)
        {
            // An unauthenticated Response to an authenticated request is not acceptable (RFC 3412 §7.2 step 12).
            Interlocked.Increment(ref Counters.AuthFailuresValue);
            return null;
        }

        return new Reply(scoped.Pdu, msg.Usm, authenticated, null);
    }
}
