using System.Net;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Tests.Support;
using DcimAgent.Snmp.Traps;

namespace DcimAgent.Snmp.Tests.Integration;

/// <summary>Every kind net-snmp's snmptrap sends (tests/peers/snmptrap-send.sh) arrives decoded; informs are acknowledged.</summary>
[Trait("Category", "Integration")]
public sealed class TrapReceiverTests
{
    private static readonly Oid HeartbeatTrap = Oid.Parse("1.3.6.1.4.1.8072.2.3.0.1");

    [Theory]
    [InlineData("v1", 17021)]
    [InlineData("v2c", 17022)]
    [InlineData("v2c-inform", 17023)]
    [InlineData("v3-trap", 17024)]
    [InlineData("v3-inform", 17025)]
    public async Task SnmptrapSend_EachKind_IsReceivedWithItsVarbinds(string kind, int port)
    {
        PeerTools.Require("snmptrap");
        await using var listener = new SnmpTrapListener(new SnmpTrapListenerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, port),
            Communities = ["public"],
            Users = [new UsmCredentials("peers-sha-aes", SecurityLevel.AuthPriv, AuthProtocol.Sha1, "peers-sha-pass", PrivProtocol.Aes128, "peers-aes-pass")],
        });
        listener.Start();

        var send = Task.Run(() => PeerTools.Run(Path.Combine(PeerTools.PeerScripts, "snmptrap-send.sh"), port.ToString(), kind));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var n = await listener.Notifications.ReadAsync(cts.Token);
        var (rc, stdout, stderr) = await send;
        Assert.True(rc == 0, $"snmptrap-send.sh {kind} failed: {stdout}{stderr}");

        var values = n.VarBinds.ToDictionary(vb => vb.Oid.ToString(), vb => vb.Value);
        switch (kind)
        {
            case "v1":
                Assert.Equal(SnmpVersion.V1, n.Version);
                Assert.Equal(Oid.Parse("1.3.6.1.4.1.8072.2.3.0.1"), n.TrapOid); // RFC 3584 §3.1: enterprise.0.specific
                Assert.Equal(SnmpValue.Integer(42), values["1.3.6.1.4.1.8072.2.3.2.1.0"]);
                Assert.Equal(SnmpValue.IpAddress([127, 0, 0, 1]), values["1.3.6.1.6.3.18.1.3.0"]);
                Assert.Equal("public", values["1.3.6.1.6.3.18.1.4.0"].AsText());
                break;
            case "v2c":
                Assert.Equal(SnmpVersion.V2c, n.Version);
                Assert.Equal(Oid.Parse("1.3.6.1.6.3.1.1.5.3"), n.TrapOid);
                Assert.Equal(SnmpValue.Integer(3), values["1.3.6.1.2.1.2.2.1.1.3"]);
                Assert.Equal(SnmpValue.Integer(1), values["1.3.6.1.2.1.2.2.1.7.3"]);
                Assert.Equal(SnmpValue.Integer(2), values["1.3.6.1.2.1.2.2.1.8.3"]);
                Assert.Equal("eth2", values["1.3.6.1.2.1.2.2.1.2.3"].AsText());
                break;
            default:
                Assert.Equal(kind.StartsWith("v3", StringComparison.Ordinal) ? SnmpVersion.V3 : SnmpVersion.V2c, n.Version);
                Assert.Equal(kind.EndsWith("inform", StringComparison.Ordinal), n.IsInform);
                Assert.Equal(HeartbeatTrap, n.TrapOid);
                Assert.Equal(SnmpValue.Integer(60), values["1.3.6.1.4.1.8072.2.3.2.1"]);
                Assert.Equal("pdu-a1", values["1.3.6.1.4.1.8072.2.3.2.2"].AsText());
                break;
        }

        Assert.Equal(kind.EndsWith("inform", StringComparison.Ordinal) ? 1 : 0, listener.Counters.InformsAcknowledged);
        Assert.Equal(0, listener.Counters.AuthFailures);
    }

    [Fact]
    public async Task SnmptrapSend_WrongCommunityAndWrongPassword_AreCountedAndDropped()
    {
        PeerTools.Require("snmptrap");
        const int port = 17026;
        await using var listener = new SnmpTrapListener(new SnmpTrapListenerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, port),
            Communities = ["traps-only"],
            Users = [new UsmCredentials("peers-sha-aes", SecurityLevel.AuthPriv, AuthProtocol.Sha1, "another-password", PrivProtocol.Aes128, "peers-aes-pass")],
        });
        listener.Start();
        PeerTools.Run(Path.Combine(PeerTools.PeerScripts, "snmptrap-send.sh"), port.ToString(), "v2c", "v3-trap");
        // Wait for both verdicts, not just both datagrams: a datagram is counted before it is judged.
        for (var i = 0; i < 50 && listener.Counters.UnknownCommunity + listener.Counters.AuthFailures < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, listener.Counters.UnknownCommunity);
        Assert.Equal(1, listener.Counters.AuthFailures);
        Assert.False(listener.Notifications.TryRead(out _));
    }
}
