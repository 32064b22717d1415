using System.Net;
using System.Text;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Traps;

namespace DcimAgent.Fuzz.Targets;

/// <summary>
/// <c>trap</c>: <see cref="SnmpTrapListener.Handle"/>, the whole path of one received datagram (decode, community
/// and USM checks, authoritative engine for informs and discovery, notification building). It must never throw:
/// bad datagrams are counted and dropped.
/// </summary>
internal static class TrapTarget
{
    public static readonly UsmCredentials AuthPriv = new("fuzz-sha-aes", SecurityLevel.AuthPriv, AuthProtocol.Sha1, "fuzz-auth-pass", PrivProtocol.Aes128, "fuzz-priv-pass");
    public static readonly UsmCredentials AuthNoPriv = new("fuzz-sha256", SecurityLevel.AuthNoPriv, AuthProtocol.Sha256, "fuzz-auth-pass");
    public static readonly UsmCredentials NoAuth = new("fuzz-noauth", SecurityLevel.NoAuthNoPriv);

    private static readonly IPEndPoint Source = new(IPAddress.Loopback, 40162);
    private static readonly byte[] SenderEngine = UsmAuthoritativeEngine.TextEngineId("fuzz-sender");

    private static readonly SnmpTrapListener Listener = new(new SnmpTrapListenerOptions
    {
        Communities = ["public"],
        Users = [AuthPriv, AuthNoPriv, NoAuth],
        QueueCapacity = 16,
    });

    public static void Run(ReadOnlySpan<byte> data)
    {
        Listener.Handle(data, Source);
        while (Listener.Notifications.TryRead(out _))
        {
        }
    }

    /// <summary>Seeds encoded with our own encoder: v1 trap, v2c trap and inform, v3 traps at each level, a v3 inform and its discovery.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Seeds(string repoRoot)
    {
        var community = Encoding.ASCII.GetBytes("public");
        var v1 = new SnmpPdu(PduType.TrapV1, 0, 0, 0, [new VarBind(Oid.Parse("1.3.6.1.4.1.318.1.1.1.2.2.2.0"), SnmpValue.Integer(42))])
        {
            TrapV1 = new TrapV1Fields(Oid.Parse("1.3.6.1.4.1.318"), [127, 0, 0, 1], 6, 5, 12345),
        };
        yield return ("v1-trap.bin", SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V1, community, v1));
        yield return ("v2c-trap.bin", SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, community, V2(PduType.TrapV2)));
        yield return ("v2c-inform.bin", SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, community, V2(PduType.InformRequest)));
        var cache = new UsmKeyCache();
        foreach (var user in new[] { AuthPriv, AuthNoPriv, NoAuth })
        {
            var keys = user.Level == SecurityLevel.NoAuthNoPriv ? null : cache.GetKeys(user, SenderEngine);
            yield return ($"v3-trap-{user.UserName}.bin", UsmProcessor.Encode(V2(PduType.TrapV2), 7, 65507, false, keys,
                Encoding.ASCII.GetBytes(user.UserName), SenderEngine, 3, 1000, SenderEngine, []));
        }

        var ours = Listener.Engine.EngineId;
        yield return ("v3-discovery.bin", UsmProcessor.Encode(SnmpPdu.Get(9, []), 9, 65507, true, null, [], [], 0, 0, [], []));
        yield return ("v3-inform.bin", UsmProcessor.Encode(V2(PduType.InformRequest), 10, 65507, true, cache.GetKeys(AuthPriv, ours),
            Encoding.ASCII.GetBytes(AuthPriv.UserName), ours, Listener.Engine.EngineBoots, 0, ours, []));
    }

    /// <summary>sysUpTime.0, snmpTrapOID.0 (upsOnBattery of UPS-MIB) and one reading.</summary>
    private static SnmpPdu V2(PduType type) => new(type, 77, 0, 0,
    [
        new VarBind(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(123456)),
        new VarBind(Oid.Parse("1.3.6.1.6.3.1.1.4.1.0"), SnmpValue.ObjectId(Oid.Parse("1.3.6.1.2.1.33.2.1"))),
        new VarBind(Oid.Parse("1.3.6.1.2.1.33.1.2.3.0"), SnmpValue.Integer(17)),
    ]);
}
