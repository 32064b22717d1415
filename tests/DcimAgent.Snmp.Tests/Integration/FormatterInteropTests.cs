using System.Net;
using DcimAgent.Snmp.Agent;
using DcimAgent.Snmp.Tests.Support;
using DcimAgent.Snmp.Text;

namespace DcimAgent.Snmp.Tests.Integration;

/// <summary>net-snmp's snmpwalk -On -Oe prints our agent's tricky values exactly as our formatter does.</summary>
[Trait("Category", "Integration")]
public sealed class FormatterInteropTests
{
    private static IEnumerable<VarBind> TrickyRows()
    {
        var b = Oid.Parse("1.3.6.1.4.1.99999.1");
        uint i = 0;
        VarBind Row(SnmpValue v) => new(b.Append(++i), v);
        yield return Row(SnmpValue.OctetString("plain text"));
        yield return Row(SnmpValue.OctetString("quote \" and backslash \\ here"));
        yield return Row(SnmpValue.OctetString("two\nlines\ttab"));
        yield return Row(SnmpValue.OctetString([]));
        yield return Row(SnmpValue.OctetString([0x00, 0x1a, 0x2b]));
        yield return Row(SnmpValue.OctetString([.. Enumerable.Range(0, 40).Select(x => (byte)(x * 7))]));
        yield return Row(SnmpValue.OctetString("caf\u00e9"));
        yield return Row(SnmpValue.OctetString([0x61, 0x62, 0x00]));
        yield return Row(SnmpValue.Integer(-42));
        yield return Row(SnmpValue.Gauge32(7));
        yield return Row(SnmpValue.Counter32(uint.MaxValue));
        yield return Row(SnmpValue.Counter64(ulong.MaxValue));
        yield return Row(SnmpValue.TimeTicks(12345));
        yield return Row(SnmpValue.TimeTicks(8_640_000));
        yield return Row(SnmpValue.TimeTicks(uint.MaxValue));
        yield return Row(SnmpValue.ObjectId(Oid.Parse("1.3.6.1.4.1.8072.3.2.10")));
        yield return Row(SnmpValue.IpAddress([10, 0, 0, 1]));
        yield return Row(SnmpValue.OpaqueFloat(1.5f));
        yield return Row(SnmpValue.OpaqueDouble(-2.25));
        yield return Row(SnmpValue.Opaque([1, 2, 3]));
        yield return Row(SnmpValue.Null);
    }

    [Fact]
    public async Task Snmpwalk_OfOurAgent_PrintsWhatFormatterPrints()
    {
        PeerTools.Require("snmpwalk");
        var rows = TrickyRows().ToList();
        await using var agent = new SnmpAgent(new SortedOidTable(rows));
        agent.Start(new IPEndPoint(IPAddress.Loopback, 17030));

        var (rc, stdout, stderr) = PeerTools.Run("snmpwalk", "-v2c", "-c", "public", "-On", "-Oe", "127.0.0.1:17030", ".1.3.6.1.4.1.99999");
        Assert.True(rc == 0, stderr);
        var expected = stdout.TrimEnd('\n');
        // Our responder answers GetNext past its last row with endOfMibView at the asked OID; snmpwalk prints that too.
        var ours = string.Join('\n', rows.Select(vb => NetSnmpFormatter.FormatLine(vb)))
            + "\n" + NetSnmpFormatter.FormatLine(new VarBind(rows[^1].Oid, SnmpValue.EndOfMibView));
        Assert.Equal(expected, ours);

        var (_, gets, _) = PeerTools.Run("snmpget", "-v2c", "-c", "public", "-On", "-Oe", "127.0.0.1:17030", ".1.3.6.1.4.1.99999.1.999", ".1.3.6.1.4.1.99999.2.0");
        Assert.Equal(
            ".1.3.6.1.4.1.99999.1.999 = No Such Instance currently exists at this OID\n.1.3.6.1.4.1.99999.2.0 = No Such Object available on this agent at this OID",
            gets.TrimEnd('\n'));
        Assert.Equal("No more variables left in this MIB View (It is past the end of the MIB tree)", NetSnmpFormatter.FormatValue(SnmpValue.EndOfMibView));
    }
}
