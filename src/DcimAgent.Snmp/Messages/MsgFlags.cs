namespace DcimAgent.Snmp.Messages;

/// <summary>msgFlags bits (RFC 3412 §6.4).</summary>
[Flags]
public enum MsgFlags : byte
{
    None = 0,
    Auth = 1,
    Priv = 2,
    Reportable = 4,
}
