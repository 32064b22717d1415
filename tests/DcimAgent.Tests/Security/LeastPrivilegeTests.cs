using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Traps;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Security;

/// <summary>
/// Least privilege on the SNMP side: the manager can only read (no SET can leave it, whatever a caller does
/// with the public API), and the trap receiver believes only the communities and users it was given.
/// </summary>
public class LeastPrivilegeTests
{
    private const byte SetRequestTag = 0xa3;

    private static readonly UsmCredentials Configured = new("traps-ops", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "ops-auth-pass", PrivProtocol.Aes128, "ops-priv-pass");
    private static readonly UsmCredentials Stranger = new("someone-else", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "other-auth-pass", PrivProtocol.Aes128, "other-priv-pass");

    [Fact]
    public void PduType_HasNoSetRequest()
    {
        Assert.DoesNotContain(Enum.GetValues<PduType>(), t => (byte)t == SetRequestTag);
        Assert.DoesNotContain(Enum.GetNames<PduType>(), n => n.Contains("Set", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void SnmpAssembly_NoPublicMethodNamedSet()
    {
        // Property setters are special names; anything else called Set*/…SetAsync would be a write path.
        var sets = typeof(SnmpClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && (m.Name.StartsWith("Set", StringComparison.Ordinal) || m.Name.Contains("SetRequest", StringComparison.Ordinal)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        Assert.Empty(sets);
    }

    [Fact]
    public void SnmpClient_PublicRequestMethods_AreExactlyTheReadOnes()
    {
        var requests = typeof(SnmpClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetParameters().Any(p => p.ParameterType == typeof(SnmpTarget)))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["GetAsync", "GetBulkAsync", "GetNextAsync", "WalkAsync"], requests);
    }

    [Theory]
    [InlineData(0xa3, "SetRequest")]
    [InlineData(0xa9, "past Report")]
    [InlineData(0x30, "a SEQUENCE tag")]
    public void EncodePdu_TagOutsideTheReadOnlySet_Refused(byte tag, string what)
    {
        var pdu = new SnmpPdu((PduType)tag, 1, 0, 0, [new VarBind(Oid.Parse("1.3.6.1.2.1.1.4.0"), SnmpValue.OctetString(Encoding.ASCII.GetBytes("pwned")))]);
        var e = Assert.Throws<ArgumentException>(() => SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, "private"u8, pdu));
        Assert.Contains($"PDU type 0x{tag:x2}", e.Message, StringComparison.Ordinal);
        using var w = new BerWriter();
        Assert.Throws<ArgumentException>(() => SnmpMessageEncoder.EncodeScopedPdu(w, new ScopedPdu([], [], pdu)));
        Assert.NotEmpty(what);
    }

    [Fact]
    public async Task SnmpClient_EveryRequestMethod_SendsOnlyGetGetNextGetBulk()
    {
        // A UDP socket that records what arrives and never answers: each call times out after one try.
        using var sink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new SnmpTarget { EndPoint = (IPEndPoint)sink.Client.LocalEndPoint!, Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 };
        await using (var client = new SnmpClient())
        {
            var oid = new[] { Oid.Parse("1.3.6.1.2.1.1") };
            Assert.False((await client.GetAsync(target, oid)).IsSuccess);
            Assert.False((await client.GetNextAsync(target, oid)).IsSuccess);
            Assert.False((await client.GetBulkAsync(target, 0, 10, oid)).IsSuccess);
            Assert.False((await client.WalkAsync(target, oid[0])).IsSuccess);
        }

        var tags = new List<byte>();
        while (sink.Available > 0)
        {
            var from = new IPEndPoint(IPAddress.Any, 0);
            var datagram = sink.Receive(ref from);
            tags.Add((byte)SnmpMessageDecoder.Decode(datagram).Pdu!.Type);
        }

        // At least one datagram per call (the walk may try GETBULK and then GETNEXT); every one a read.
        Assert.InRange(tags.Count, 4, 20);
        Assert.Equal([(byte)PduType.GetRequest, (byte)PduType.GetNextRequest, (byte)PduType.GetBulkRequest], tags.Distinct().Order().ToArray());
    }

    [Fact]
    public async Task TrapListener_OnlyConfiguredCommunityAndUser_OthersCountedAndDropped()
    {
        await using var listener = new SnmpTrapListener(new SnmpTrapListenerOptions { Communities = ["traps-ro-7"], Users = [Configured] });
        var source = new IPEndPoint(IPAddress.Loopback, 40000);
        var engine = UsmAuthoritativeEngine.TextEngineId("pdu-a01");
        var keys = new UsmKeyCache();

        listener.Handle(TrapDatagrams.V2cLinkDown("traps-ro-7", 1), source);
        listener.Handle(TrapDatagrams.V2cLinkDown("public", 2), source);
        listener.Handle(TrapDatagrams.V2cLinkDown("private", 3), source);
        listener.Handle(V1ColdStart("public"), source);
        listener.Handle(TrapDatagrams.V3LinkDown(keys.GetKeys(Configured, engine), engine, 4), source);
        listener.Handle(TrapDatagrams.V3LinkDown(keys.GetKeys(Stranger, engine), engine, 5), source);
        listener.Handle(TrapDatagrams.V3LinkDown(keys.GetKeys(Configured with { AuthPassword = "guessed-auth-pass" }, engine), engine, 6), source);

        Assert.Equal(2, listener.Counters.Accepted);
        Assert.Equal(3, listener.Counters.UnknownCommunity);
        Assert.Equal(1, listener.Counters.UnknownUser);
        Assert.Equal(1, listener.Counters.AuthFailures);
        Assert.True(listener.Notifications.TryRead(out var first));
        Assert.Equal(SnmpVersion.V2c, first.Version);
        Assert.True(listener.Notifications.TryRead(out var second));
        Assert.Equal("traps-ops", second.SecurityName);
        Assert.False(listener.Notifications.TryRead(out _));
    }

    private static byte[] V1ColdStart(string community) =>
        SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V1, Encoding.ASCII.GetBytes(community), new SnmpPdu(PduType.TrapV1, 0, 0, 0, [])
        {
            TrapV1 = new TrapV1Fields(Oid.Parse("1.3.6.1.4.1.8072.3.2.10"), [127, 0, 0, 1], 0, 0, 4242),
        });
}
