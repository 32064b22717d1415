using DcimAgent.Snmp;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.ScaleBench.Traps;

/// <summary>
/// Pre-encoded SNMPv2c Trap datagrams (RFC 3416 §4.2.6: sysUpTime.0, snmpTrapOID.0, then the payload) shaped like
/// a link flap: linkDown/linkUp with ifIndex, ifAdminStatus, ifOperStatus and ifDescr, ~130 bytes each.
/// Encoding happens once so the blaster measures the receivers, not itself.
/// </summary>
internal static class TrapDatagrams
{
    private static readonly Oid SysUpTime0 = Oid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly Oid SnmpTrapOid0 = Oid.Parse("1.3.6.1.6.3.1.1.4.1.0");
    private static readonly Oid LinkDown = Oid.Parse("1.3.6.1.6.3.1.1.5.3");
    private static readonly Oid LinkUp = Oid.Parse("1.3.6.1.6.3.1.1.5.4");

    public static byte[][] Build(int count, string community)
    {
        var result = new byte[count][];
        var communityBytes = System.Text.Encoding.ASCII.GetBytes(community);
        for (var i = 0; i < count; i++)
        {
            var ifIndex = (i % 48) + 1;
            var down = i % 2 == 0;
            VarBind[] varBinds =
            [
                new(SysUpTime0, SnmpValue.TimeTicks((uint)(1_000_000 + i))),
                new(SnmpTrapOid0, SnmpValue.ObjectId(down ? LinkDown : LinkUp)),
                new(Oid.Parse("1.3.6.1.2.1.2.2.1.1." + ifIndex), SnmpValue.Integer(ifIndex)),
                new(Oid.Parse("1.3.6.1.2.1.2.2.1.7." + ifIndex), SnmpValue.Integer(1)),
                new(Oid.Parse("1.3.6.1.2.1.2.2.1.8." + ifIndex), SnmpValue.Integer(down ? 2 : 1)),
                new(Oid.Parse("1.3.6.1.2.1.2.2.1.2." + ifIndex), SnmpValue.OctetString("GigabitEthernet0/" + ifIndex)),
            ];
            var pdu = new SnmpPdu(PduType.TrapV2, 100_000 + i, 0, 0, varBinds);
            result[i] = SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, communityBytes, pdu);
        }

        return result;
    }
}
