using System.Security.Cryptography;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Tests.Security;

public sealed class PrivacyTests
{
    [Theory]
    [InlineData(PrivProtocol.Des, 16, 1)]
    [InlineData(PrivProtocol.Des, 16, 37)]
    [InlineData(PrivProtocol.Aes128, 16, 37)]
    [InlineData(PrivProtocol.Aes128, 16, 64)]
    [InlineData(PrivProtocol.Aes192, 24, 5)]
    [InlineData(PrivProtocol.Aes256, 32, 1000)]
    public void EncryptDecrypt_RoundTrip_RestoresPlaintext(PrivProtocol protocol, int keyLength, int size)
    {
        var key = RandomNumberGenerator.GetBytes(keyLength);
        var plain = RandomNumberGenerator.GetBytes(size);
        var salt = new byte[8];
        var cipher = UsmPrivacy.Encrypt(protocol, key, 3, 12345, plain, salt);
        Assert.NotEqual(plain, cipher.AsSpan(0, size).ToArray());
        var back = UsmPrivacy.Decrypt(protocol, key, 3, 12345, salt, cipher);
        Assert.Equal(plain, back.AsSpan(0, size).ToArray());
        if (protocol != PrivProtocol.Des)
        {
            Assert.Equal(size, cipher.Length); // CFB: no padding (RFC 3826 §3.1.3)
        }
    }

    [Fact]
    public void Decrypt_DesNotMultipleOf8_Throws() =>
        Assert.Throws<CryptographicException>(() => UsmPrivacy.Decrypt(PrivProtocol.Des, new byte[16], 1, 1, new byte[8], new byte[13]));

    [Fact]
    public void Aes_SameKeyDifferentTime_DiffersBecauseIvUsesBootsAndTime()
    {
        var key = new byte[16];
        var plain = new byte[32];
        var s1 = new byte[8];
        var c1 = UsmPrivacy.Encrypt(PrivProtocol.Aes128, key, 1, 100, plain, s1);
        var wrong = UsmPrivacy.Decrypt(PrivProtocol.Aes128, key, 1, 101, s1, c1);
        Assert.NotEqual(plain, wrong);
    }
}
