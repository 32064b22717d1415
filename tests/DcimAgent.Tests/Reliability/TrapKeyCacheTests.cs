using System.Net;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Traps;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Reliability;

/// <summary>
/// A v3 trap names its sender's engine id, and the receiver localizes the user's keys to it before the digest can
/// be checked: forged traps with ever new engine ids must not grow memory without bound.
/// </summary>
public class TrapKeyCacheTests
{
    private static readonly UsmCredentials User = new("ops", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "right-auth-pass", PrivProtocol.Aes128, "right-priv-pass");

    [Fact]
    public async Task Handle_TenThousandForgedV3TrapsWithRandomEngineIds_KeyCacheStaysBoundedAndAllCounted()
    {
        await using var listener = new SnmpTrapListener(new SnmpTrapListenerOptions { Communities = [], Users = [User] });
        var forger = new UsmKeyCache();
        var wrong = User with { AuthPassword = "guessed-auth-pass", PrivPassword = "guessed-priv-pass" };
        var source = new IPEndPoint(IPAddress.Loopback, 40000);
        var rng = new Random(10);
        for (var i = 0; i < 10_000; i++)
        {
            var engine = new byte[12];
            rng.NextBytes(engine);
            engine[0] = 0x80;
            Assert.Null(listener.Handle(TrapDatagrams.V3LinkDown(forger.GetKeys(wrong, engine), engine, i + 1), source));
        }

        Assert.Equal(10_000, listener.Counters.AuthFailures);
        Assert.Equal(0, listener.Counters.Accepted);
        Assert.InRange(listener.CachedKeys, 1, 4096);

        // The real user still gets through afterwards.
        var realEngine = UsmAuthoritativeEngine.TextEngineId("pdu-a01");
        listener.Handle(TrapDatagrams.V3LinkDown(new UsmKeyCache().GetKeys(User, realEngine), realEngine, 1), source);
        Assert.Equal(1, listener.Counters.Accepted);
        Assert.True(listener.Notifications.TryRead(out var n));
        Assert.Equal("1.3.6.1.6.3.1.1.5.3", n.TrapOid.ToString());
        Assert.Equal("ops", n.SecurityName);
    }
}
