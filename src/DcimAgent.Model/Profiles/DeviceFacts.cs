using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// What auto-detection knows about a device: sysObjectID, sysDescr, and which of the profiles' required
/// subtrees answered.
/// </summary>
public sealed class DeviceFacts
{
    /// <summary>SNMPv2-MIB sysDescr.0.</summary>
    public static readonly Oid SysDescrOid = Oid.Parse("1.3.6.1.2.1.1.1.0");

    /// <summary>SNMPv2-MIB sysObjectID.0.</summary>
    public static readonly Oid SysObjectIdOid = Oid.Parse("1.3.6.1.2.1.1.2.0");

    /// <summary>SNMPv2-MIB sysUpTime.0 (hundredths of a second; a drop means the agent restarted).</summary>
    public static readonly Oid SysUpTimeOid = Oid.Parse("1.3.6.1.2.1.1.3.0");

    public DeviceFacts(Oid? sysObjectId, string? sysDescr, IReadOnlySet<Oid>? answering = null)
    {
        SysObjectId = sysObjectId;
        SysDescr = sysDescr;
        Answering = answering ?? new HashSet<Oid>();
    }

    public Oid? SysObjectId { get; }

    public string? SysDescr { get; }

    /// <summary>Required subtrees that held a value.</summary>
    public IReadOnlySet<Oid> Answering { get; }

    public bool Answers(Oid oid) => Answering.Contains(oid);
}
