namespace DcimAgent.Snmp.Security;

/// <summary>
/// USM privacy protocols: CBC-DES (RFC 3414 §8), CFB128-AES-128 (RFC 3826) and AES-192/256 with the two key
/// extension methods in use: Blumenthal (draft-blumenthal-aes-usm-04, net-snmp "AES-192"/"AES-256") and
/// Reeder (draft-reeder-snmpv3-usm-3desede-00, Cisco/gosnmp "AES192C"/"AES256C").
/// </summary>
public enum PrivProtocol
{
    None = 0,
    Des,
    Aes128,
    Aes192,
    Aes256,
    Aes192C,
    Aes256C,
}
