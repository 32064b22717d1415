namespace DcimAgent.Snmp.Security;

/// <summary>usmStats counters reported in Report PDUs (RFC 3414 §5, usmStats 1.3.6.1.6.3.15.1.1).</summary>
public static class UsmStats
{
    public static readonly Oid UnsupportedSecLevels = Oid.Parse("1.3.6.1.6.3.15.1.1.1.0");
    public static readonly Oid NotInTimeWindows = Oid.Parse("1.3.6.1.6.3.15.1.1.2.0");
    public static readonly Oid UnknownUserNames = Oid.Parse("1.3.6.1.6.3.15.1.1.3.0");
    public static readonly Oid UnknownEngineIds = Oid.Parse("1.3.6.1.6.3.15.1.1.4.0");
    public static readonly Oid WrongDigests = Oid.Parse("1.3.6.1.6.3.15.1.1.5.0");
    public static readonly Oid DecryptionErrors = Oid.Parse("1.3.6.1.6.3.15.1.1.6.0");

    /// <summary>A human reason for a report OID (USM's or MPD's snmpUnknown* counters), or null.</summary>
    public static string? Describe(Oid oid)
    {
        if (oid == UnsupportedSecLevels)
        {
            return "unsupportedSecLevel: the agent does not allow this security level for the user";
        }

        if (oid == NotInTimeWindows)
        {
            return "notInTimeWindow: engine boots/time out of the window";
        }

        if (oid == UnknownUserNames)
        {
            return "unknownUserName: the agent does not know this user";
        }

        if (oid == UnknownEngineIds)
        {
            return "unknownEngineID: the engine id is wrong";
        }

        if (oid == WrongDigests)
        {
            return "wrongDigests: authentication failed (wrong auth password or protocol)";
        }

        if (oid == DecryptionErrors)
        {
            return "decryptionError: the agent could not decrypt (wrong privacy password or protocol)";
        }

        return null;
    }
}
