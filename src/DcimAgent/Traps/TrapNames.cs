using DcimAgent.Snmp;

namespace DcimAgent.Traps;

/// <summary>
/// Symbolic names for the notifications an operator meets most (the `trap` label); anything else is shown as its
/// numeric OID. Names are the MIBs' own (SNMPv2-MIB, UPS-MIB, PowerNet-MIB, ...).
/// </summary>
public static class TrapNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["1.3.6.1.6.3.1.1.5.1"] = "coldStart",
        ["1.3.6.1.6.3.1.1.5.2"] = "warmStart",
        ["1.3.6.1.6.3.1.1.5.3"] = "linkDown",
        ["1.3.6.1.6.3.1.1.5.4"] = "linkUp",
        ["1.3.6.1.6.3.1.1.5.5"] = "authenticationFailure",
        ["1.3.6.1.2.1.33.2.0.1"] = "upsTrapOnBattery",
        ["1.3.6.1.2.1.33.2.0.2"] = "upsTrapTestCompleted",
        ["1.3.6.1.2.1.33.2.0.3"] = "upsTrapAlarmEntryAdded",
        ["1.3.6.1.2.1.33.2.0.4"] = "upsTrapAlarmEntryRemoved",
        ["1.3.6.1.4.1.318.0.5"] = "apcUpsOnBattery",
        ["1.3.6.1.4.1.318.0.9"] = "apcUpsReturnFromBattery",
        ["1.3.6.1.4.1.8072.2.3.0.1"] = "netSnmpExampleHeartbeatNotification",
    };

    public static string Of(Oid trapOid) => Names.TryGetValue(trapOid.ToString(), out var n) ? n : trapOid.ToString();
}
