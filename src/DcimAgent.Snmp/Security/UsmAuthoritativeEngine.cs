using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// The authoritative side of USM (RFC 3414 §3.2): the engine that answers discovery, checks the time window
/// against its own clock, authenticates and decrypts, and encodes replies. Used by the agent responder and by
/// the trap receiver for informs.
/// </summary>
public sealed class UsmAuthoritativeEngine
{
    /// <summary>RFC 3414 §3.2 step 7a: 150 seconds either side.</summary>
    public const int TimeWindowSeconds = 150;

    private readonly Dictionary<string, UsmCredentials> _users;
    private readonly UsmKeyCache _keys;
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly ConcurrentDictionary<string, long> _stats = new(StringComparer.Ordinal);

    public UsmAuthoritativeEngine(byte[] engineId, int engineBoots, IEnumerable<UsmCredentials> users, TimeProvider? clock = null, UsmKeyCache? keyCache = null)
    {
        EngineId = engineId;
        EngineBoots = engineBoots;
        _users = users.ToDictionary(u => u.UserName, StringComparer.Ordinal);
        _keys = keyCache ?? UsmKeyCache.Shared;
        _clock = clock ?? TimeProvider.System;
        _start = _clock.GetTimestamp();
    }

    public byte[] EngineId { get; }

    public int EngineBoots { get; }

    /// <summary>snmpEngineTime: seconds since this engine started.</summary>
    public int EngineTime => (int)_clock.GetElapsedTime(_start).TotalSeconds;

    /// <summary>A fresh engine id in RFC 3411 §5 text format: 0x80 | enterprise 8072 (net-snmp), format 4, text.</summary>
    public static byte[] TextEngineId(string text) => [0x80, 0x00, 0x1f, 0x88, 0x04, .. Encoding.ASCII.GetBytes(text)];

    public long StatCount(Oid usmStat) => _stats.TryGetValue(usmStat.ToString(), out var n) ? n : 0;

    private long Bump(Oid usmStat) => _stats.AddOrUpdate(usmStat.ToString(), 1, (_, n) => n + 1);

    /// <summary>RFC 3414 §3.2 steps 3-8 for an incoming v3 request or inform.</summary>
    public AuthoritativeResult Process(ReadOnlySpan<byte> data, SnmpMessage message, BerDecodeOptions? options = null)
    {
        var usm = message.Usm!;
        var flags = message.Header.Flags;
        var reportable = (flags & MsgFlags.Reportable) != 0;
        var requestLevel = (flags & MsgFlags.Priv) != 0 ? SecurityLevel.AuthPriv
            : (flags & MsgFlags.Auth) != 0 ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv;

        // Step 3: unknown engine id (this is also discovery, RFC 3414 §4).
        if (!usm.EngineId.AsSpan().SequenceEqual(EngineId))
        {
            return Reject(message, UsmStats.UnknownEngineIds, null, SecurityLevel.NoAuthNoPriv, reportable);
        }

        // Step 4: unknown user.
        if (!_users.TryGetValue(Encoding.UTF8.GetString(usm.UserName), out var user))
        {
            return Reject(message, UsmStats.UnknownUserNames, null, SecurityLevel.NoAuthNoPriv, reportable);
        }

        // Step 5: the level asked for must be one the user supports.
        if (requestLevel > user.Level)
        {
            return Reject(message, UsmStats.UnsupportedSecLevels, null, SecurityLevel.NoAuthNoPriv, reportable);
        }

        var keys = _keys.GetKeys(user, EngineId);
        if (requestLevel >= SecurityLevel.AuthNoPriv)
        {
            // Step 6: authenticate.
            if (!UsmProcessor.Authenticate(data, message, keys))
            {
                return Reject(message, UsmStats.WrongDigests, null, SecurityLevel.NoAuthNoPriv, reportable);
            }

            // Step 7a: time window against our own clock.
            var now = EngineTime;
            if (usm.EngineBoots != EngineBoots || Math.Abs(usm.EngineTime - now) > TimeWindowSeconds)
            {
                return Reject(message, UsmStats.NotInTimeWindows, keys, SecurityLevel.AuthNoPriv, reportable);
            }
        }

        ScopedPdu scoped;
        try
        {
            scoped = UsmProcessor.OpenScopedPdu(message, requestLevel == SecurityLevel.AuthPriv ? keys : null, options);
        }
        catch (Exception e) when (e is CryptographicException or SnmpDecodeException)
        {
            // Step 8: decryptionError.
            return Reject(message, UsmStats.DecryptionErrors, null, SecurityLevel.NoAuthNoPriv, reportable);
        }

        return new AuthoritativeResult { Accepted = scoped, Keys = keys.AtLevel(requestLevel), Level = requestLevel };
    }

    private AuthoritativeResult Reject(SnmpMessage message, Oid stat, UsmUserKeys? keys, SecurityLevel level, bool reportable)
    {
        var count = Bump(stat);
        if (!reportable)
        {
            return new AuthoritativeResult { Reason = stat };
        }

        // The request-id of the Report is the request's when we can read it (RFC 3412 §7.1 step 3).
        var requestId = message.ScopedPdu?.Pdu.RequestId ?? 0;
        var report = new SnmpPdu(PduType.Report, requestId, 0, 0, [new VarBind(stat, SnmpValue.Counter32((uint)count))]);
        var bytes = Encode(report, message.Header.MsgId, level == SecurityLevel.AuthNoPriv ? keys?.WithoutPrivacy() : null, message.Usm!.UserName,
            message.ScopedPdu?.ContextName ?? [], reportable: false);
        return new AuthoritativeResult { Report = bytes, Reason = stat };
    }

    /// <summary>
    /// Encodes a reply (Response or Report) from this engine, authoritative, at the given keys' level. The
    /// contextEngineID echoes the request's (RFC 3412 §7.1 step 9; net-snmp drops replies that change it).
    /// </summary>
    public byte[] Encode(SnmpPdu pdu, int msgId, UsmUserKeys? keys, byte[] userName, byte[] contextName, bool reportable = false, byte[]? contextEngineId = null) =>
        UsmProcessor.Encode(pdu, msgId, 65507, reportable, keys, userName, EngineId, EngineBoots, EngineTime, contextEngineId ?? EngineId, contextName);
}
