namespace DcimAgent.Snmp;

/// <summary>
/// SNMP value types with their BER tags (X.690 universal tags; SNMPv2-SMI application tags, RFC 2578 §7.1;
/// exception values, RFC 3416 §3).
/// </summary>
public enum SnmpType : byte
{
    Integer32 = 0x02,
    OctetString = 0x04,
    Null = 0x05,
    ObjectIdentifier = 0x06,
    IpAddress = 0x40,
    Counter32 = 0x41,
    Gauge32 = 0x42,
    TimeTicks = 0x43,
    Opaque = 0x44,
    Counter64 = 0x46,
    /// <summary>Not a wire tag: an Opaque that wraps a net-snmp float (tag 0x9f78).</summary>
    OpaqueFloat = 0x78,
    /// <summary>Not a wire tag: an Opaque that wraps a net-snmp double (tag 0x9f79).</summary>
    OpaqueDouble = 0x79,
    NoSuchObject = 0x80,
    NoSuchInstance = 0x81,
    EndOfMibView = 0x82,
}
