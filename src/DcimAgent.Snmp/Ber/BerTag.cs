namespace DcimAgent.Snmp.Ber;

/// <summary>Single-octet BER identifiers used by SNMP (X.690 §8.1.2; RFC 2578 §7.1.1; RFC 3416 §3).</summary>
public static class BerTag
{
    public const byte Integer = 0x02;
    public const byte OctetString = 0x04;
    public const byte Null = 0x05;
    public const byte ObjectIdentifier = 0x06;

    /// <summary>SEQUENCE / SEQUENCE OF, constructed (X.690 §8.9).</summary>
    public const byte Sequence = 0x30;

    public const byte IpAddress = 0x40;
    public const byte Counter32 = 0x41;
    public const byte Gauge32 = 0x42;
    public const byte TimeTicks = 0x43;
    public const byte Opaque = 0x44;
    public const byte Counter64 = 0x46;

    public const byte NoSuchObject = 0x80;
    public const byte NoSuchInstance = 0x81;
    public const byte EndOfMibView = 0x82;

    /// <summary>net-snmp Opaque-wrapped special types: 0x9f is the high-tag-number escape (X.690 §8.1.2.4).</summary>
    public const byte OpaqueSpecialPrefix = 0x9f;
    public const byte OpaqueFloatTag = 0x78;
    public const byte OpaqueDoubleTag = 0x79;
}
