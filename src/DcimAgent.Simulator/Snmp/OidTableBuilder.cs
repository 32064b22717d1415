using DcimAgent.Snmp;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Snmp;

/// <summary>
/// Collects the rows of one device's MIB view. Values are typed as the real agents type them (PowerNet and
/// iDRAC use INTEGER for readings, the high-precision UPS objects Gauge32), which the recordings in
/// tests/fixtures/snmprec show.
/// </summary>
internal sealed class OidTableBuilder
{
    private readonly List<VarBind> _rows = [];

    public int Count => _rows.Count;

    public OidTableBuilder Int(string oid, long value)
    {
        _rows.Add(new VarBind(Oid.Parse(oid), SnmpValue.Integer((int)Math.Clamp(value, int.MinValue, int.MaxValue))));
        return this;
    }

    public OidTableBuilder Gauge(string oid, double value)
    {
        _rows.Add(new VarBind(Oid.Parse(oid), SnmpValue.Gauge32((uint)Math.Clamp(Math.Round(value), 0, uint.MaxValue))));
        return this;
    }

    public OidTableBuilder Ticks(string oid, double hundredths)
    {
        _rows.Add(new VarBind(Oid.Parse(oid), SnmpValue.TimeTicks((uint)(Math.Max(0, hundredths) % ((double)uint.MaxValue + 1)))));
        return this;
    }

    public OidTableBuilder Text(string oid, string value)
    {
        _rows.Add(new VarBind(Oid.Parse(oid), SnmpValue.OctetString(value)));
        return this;
    }

    public OidTableBuilder ObjectId(string oid, string value)
    {
        _rows.Add(new VarBind(Oid.Parse(oid), SnmpValue.ObjectId(Oid.Parse(value))));
        return this;
    }

    /// <summary>The MIB-II system group every agent answers (sysDescr and sysObjectID drive <c>profile: auto</c>).</summary>
    public OidTableBuilder System(string sysDescr, string sysObjectId, string sysName, double uptimeSeconds)
    {
        Text("1.3.6.1.2.1.1.1.0", sysDescr);
        ObjectId("1.3.6.1.2.1.1.2.0", sysObjectId);
        Ticks("1.3.6.1.2.1.1.3.0", uptimeSeconds * 100);
        Text("1.3.6.1.2.1.1.4.0", "noc@demo.invalid");
        Text("1.3.6.1.2.1.1.5.0", sysName);
        Text("1.3.6.1.2.1.1.6.0", "demo hall (simulated)");
        Int("1.3.6.1.2.1.1.7.0", 72);
        return this;
    }

    public SortedOidTable Build() => new(_rows);
}
