using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Tests.Support;

namespace DcimAgent.Snmp.Tests.Security;

public sealed class KeyLocalizationTests
{
    private static readonly byte[] EngineA3 = Hex.Parse("000000000000000000000002");

    /// <summary>RFC 3414 A.3.1 (MD5), A.3.2 (SHA-1); SHA-2 rows computed independently (Python hashlib) — SHA-256 matches published vectors.</summary>
    [Theory]
    [InlineData(AuthProtocol.Md5, "9faf3283884e92834ebc9847d8edd963", "526f5eed9fcce26f8964c2930787d82b")]
    [InlineData(AuthProtocol.Sha1, "9fb5cc0381497b3793528939ff788d5d79145211", "6695febc9288e36282235fc7151f128497b38f3f")]
    [InlineData(AuthProtocol.Sha224, "282a5867ee9aac639ad59df9572c7d3ac0fbc13a905b6df07dbbf00b", "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be682075674")]
    [InlineData(AuthProtocol.Sha256, "ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac", "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b")]
    [InlineData(AuthProtocol.Sha384, "e06eccdf2c68a06ed034723c9c26e0db3b669e1e2efed49150b55377a2e98f383c86fb836857444654b287c93f51ff64", "3b298f16164a11184279d5432bf169e2d2a48307de02b3d3f7e2b4f36eb6f0455a53689a3937eea07319a633d2ccba78")]
    [InlineData(AuthProtocol.Sha512, "7e4396de5aadc77be853819b98c9406265b3a9c37cc3176569847a4e4f6fba63dd3a73d04924d31a63f95a601f9385af6be4ed1b37f87d040f7c6ed6f8d38a91", "22a5a36cedfcc085807a128d7bc6c2382167ad6c0dbc5fdff856740f3d84c099ad1ea87a8db096714d9788bd544047c9021e4229ce27e4c0a69250adfcffbb0b")]
    public void PasswordToKey_Maplesyrup_MatchesVector(AuthProtocol protocol, string ku, string kul)
    {
        var k = KeyLocalization.PasswordToKey(protocol, "maplesyrup");
        Assert.Equal(ku, Convert.ToHexStringLower(k));
        Assert.Equal(kul, Convert.ToHexStringLower(KeyLocalization.Localize(protocol, k, EngineA3)));
    }

    [Fact]
    public void PrivacyKey_Sha1Aes256_BlumenthalAndReederDiffer()
    {
        var blumenthal = KeyLocalization.PrivacyKey(AuthProtocol.Sha1, PrivProtocol.Aes256, "maplesyrup", EngineA3);
        var reeder = KeyLocalization.PrivacyKey(AuthProtocol.Sha1, PrivProtocol.Aes256C, "maplesyrup", EngineA3);
        Assert.Equal("6695febc9288e36282235fc7151f128497b38f3f505e07eb9af25568fa1f5dbe", Convert.ToHexStringLower(blumenthal));
        Assert.Equal("6695febc9288e36282235fc7151f128497b38f3f9b8b6d78936ba6e7d19dfd9c", Convert.ToHexStringLower(reeder));
    }

    [Theory]
    [InlineData(AuthProtocol.Md5, 12)]
    [InlineData(AuthProtocol.Sha1, 12)]
    [InlineData(AuthProtocol.Sha224, 16)]
    [InlineData(AuthProtocol.Sha256, 24)]
    [InlineData(AuthProtocol.Sha384, 32)]
    [InlineData(AuthProtocol.Sha512, 48)]
    public void MacLength_PerRfc7860_IsTruncated(AuthProtocol protocol, int length) => Assert.Equal(length, UsmHash.MacLength(protocol));

    [Fact]
    public void Sha224_KnownAnswer_Abc() =>
        Assert.Equal("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", Convert.ToHexStringLower(Sha224.HashData("abc"u8)));

    [Fact]
    public void HmacSha224_Rfc4231Case2_Matches() =>
        Assert.Equal("a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
            Convert.ToHexStringLower(Sha224.Hmac("Jefe"u8, "what do ya want for nothing?"u8)));
}
