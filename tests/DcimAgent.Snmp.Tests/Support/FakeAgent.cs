using System.Net;
using DcimAgent.Snmp.Agent;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Tests.Support;

/// <summary>The library's own responder on 127.0.0.1 (an OS-assigned port) as an in-process fake agent.</summary>
internal static class FakeAgent
{
    public static readonly UsmCredentials Sha256Aes = new("sim-sha256-aes", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "sim-auth-pass", PrivProtocol.Aes128, "sim-priv-pass");
    public static readonly UsmCredentials Md5Des = new("sim-md5-des", SecurityLevel.AuthPriv, AuthProtocol.Md5, "sim-auth-pass", PrivProtocol.Des, "sim-priv-pass");
    public static readonly UsmCredentials Sha1Aes256C = new("sim-sha-aes256c", SecurityLevel.AuthPriv, AuthProtocol.Sha1, "sim-auth-pass", PrivProtocol.Aes256C, "sim-priv-pass");

    public static IEnumerable<VarBind> SampleRows()
    {
        yield return new(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.OctetString("fake agent"));
        yield return new(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(8_640_123));
        yield return new(Oid.Parse("1.3.6.1.2.1.1.5.0"), SnmpValue.OctetString("sim-1"));
        for (uint i = 1; i <= 40; i++)
        {
            yield return new(Oid.Parse("1.3.6.1.2.1.2.2.1.2").Append(i), SnmpValue.OctetString($"eth{i}"));
            yield return new(Oid.Parse("1.3.6.1.2.1.2.2.1.10").Append(i), SnmpValue.Counter32(i * 1000));
        }
    }

    public static SnmpAgent Start(IEnumerable<VarBind>? rows = null)
    {
        var agent = new SnmpAgent(new SortedOidTable(rows ?? SampleRows()), new SnmpAgentOptions
        {
            Communities = ["public"],
            Users = [Sha256Aes, Md5Des, Sha1Aes256C],
        });
        agent.Start(new IPEndPoint(IPAddress.Loopback, 0));
        return agent;
    }
}
