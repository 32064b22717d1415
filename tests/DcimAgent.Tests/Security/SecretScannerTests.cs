using System.Text;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Security;

/// <summary>The scanner of the secrets scan finds a secret in each form it claims to search for.</summary>
public class SecretScannerTests
{
    private const string Secret = "rel2Ctl-Kq83Xw";

    [Theory]
    [InlineData("text inside a URL", "udp://rel2Ctl-Kq83Xw@10.0.0.1:161")]
    [InlineData("text, other case", "community=REL2CTL-KQ83XW")]
    [InlineData("hex", "raw 72656c3243746c2d4b713833587700")]
    [InlineData("hex, net-snmp spacing", "Hex-STRING: 72 65 6C 32 43 74 6C 2D 4B 71 38 33 58 77")]
    [InlineData("hex, colons", "72:65:6c:32:43:74:6c:2d:4b:71:38:33:58:77")]
    public void Findings_SecretInForm_Found(string form, string output)
    {
        var scanner = new SecretScanner(new Dictionary<string, string> { ["control"] = Secret });
        scanner.Add(form, output);
        Assert.Single(scanner.Findings());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("u:")]
    [InlineData("us:")]
    [InlineData("abc:")]
    [InlineData("user:")]
    public void Findings_SecretBase64EncodedBehindAnyPrefix_Found(string prefix)
    {
        // An HTTP Basic header: base64(user:password), the password at any of the three byte alignments.
        var scanner = new SecretScanner(new Dictionary<string, string> { ["control"] = Secret });
        scanner.Add("header", "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + Secret + "!")));
        Assert.Single(scanner.Findings());
    }

    [Fact]
    public void Findings_OnlyOtherText_NoneAndBytesCounted()
    {
        var scanner = new SecretScanner(new Dictionary<string, string> { ["control"] = Secret });
        scanner.Add("stdout", "rel2Ctl-Kq83X and Kq83Xw apart");
        Assert.Empty(scanner.Findings());
        Assert.Equal(30, scanner.BytesScanned);
        Assert.Equal(1, scanner.Sources);
    }
}
