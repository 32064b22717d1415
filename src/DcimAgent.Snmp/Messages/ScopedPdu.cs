namespace DcimAgent.Snmp.Messages;

/// <summary>ScopedPDU ::= SEQUENCE { contextEngineID, contextName, data } (RFC 3412 §6).</summary>
public sealed record ScopedPdu(byte[] ContextEngineId, byte[] ContextName, SnmpPdu Pdu);
