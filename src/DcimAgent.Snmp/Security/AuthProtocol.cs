namespace DcimAgent.Snmp.Security;

/// <summary>
/// USM authentication protocols: HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414 §6, §7) and the SHA-2 family
/// (RFC 7860: HMAC-SHA-224/256/384/512 truncated to 128/192/256/384 bits).
/// </summary>
public enum AuthProtocol
{
    None = 0,
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}
