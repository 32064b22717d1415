namespace DcimAgent.Snmp.Messages;

/// <summary>HeaderData ::= SEQUENCE { msgID, msgMaxSize, msgFlags, msgSecurityModel } (RFC 3412 §6).</summary>
public readonly record struct V3Header(int MsgId, int MaxSize, MsgFlags Flags, int SecurityModel)
{
    /// <summary>The User-based Security Model (RFC 3411 §5, SnmpSecurityModel 3).</summary>
    public const int UsmSecurityModel = 3;
}
