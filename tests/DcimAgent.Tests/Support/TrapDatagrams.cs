using System.Text;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Tests.Support;

/// <summary>Notifications encoded with our own encoder, ready to send as datagrams.</summary>
public static class TrapDatagrams
{
    /// <summary>A v2c linkDown trap (sysUpTime.0, snmpTrapOID.0, ifIndex) with request id <paramref name="requestId"/>.</summary>
    public static byte[] V2cLinkDown(string community, int requestId) =>
        SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, Encoding.ASCII.GetBytes(community), new SnmpPdu(PduType.TrapV2, requestId, 0, 0,
        [
            new VarBind(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(4242)),
            new VarBind(Oid.Parse("1.3.6.1.6.3.1.1.4.1.0"), SnmpValue.ObjectId(Oid.Parse("1.3.6.1.6.3.1.1.5.3"))),
            new VarBind(Oid.Parse("1.3.6.1.2.1.2.2.1.1.7"), SnmpValue.Integer(7)),
        ]));

    /// <summary>A v3 authPriv linkDown trap from engine <paramref name="engineId"/>, MAC and encryption by <paramref name="keys"/>.</summary>
    public static byte[] V3LinkDown(UsmUserKeys keys, byte[] engineId, int msgId) =>
        UsmProcessor.Encode(new SnmpPdu(PduType.TrapV2, msgId, 0, 0,
            [
                new VarBind(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(4242)),
                new VarBind(Oid.Parse("1.3.6.1.6.3.1.1.4.1.0"), SnmpValue.ObjectId(Oid.Parse("1.3.6.1.6.3.1.1.5.3"))),
            ]),
            msgId, 65507, false, keys, Encoding.ASCII.GetBytes(keys.Credentials.UserName), engineId, 1, 100, engineId, []);
}
