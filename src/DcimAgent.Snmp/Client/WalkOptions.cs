namespace DcimAgent.Snmp.Client;

/// <summary>How <see cref="SnmpClient.WalkAsync"/> walks a subtree.</summary>
public sealed record WalkOptions
{
    /// <summary>GetBulk for v2c/v3 (always GetNext for v1).</summary>
    public bool UseGetBulk { get; init; } = true;

    /// <summary>Overrides <see cref="SnmpTarget.MaxRepetitions"/>.</summary>
    public int? MaxRepetitions { get; init; }

    /// <summary>
    /// Accept OIDs that do not increase (agents with broken ordering, e.g. some BMCs) and keep going; a repeated
    /// OID ends the walk so it cannot loop. When false, a non-increasing OID fails the walk as net-snmp does.
    /// </summary>
    public bool AllowNonIncreasing { get; init; }

    /// <summary>Hard cap on collected varbinds.</summary>
    public int MaxVarBinds { get; init; } = 1_000_000;

    /// <summary>
    /// net-snmp compatibility: an exception value (e.g. endOfMibView) whose OID is still inside the subtree ends the
    /// walk but is included in the results, as snmpwalk prints it.
    /// </summary>
    public bool IncludeTerminalException { get; init; }

    /// <summary>net-snmp snmpwalk: when the subtree is empty, GET the root itself (a scalar instance).</summary>
    public bool GetRootWhenEmpty { get; init; }
}
