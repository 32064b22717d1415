using DcimAgent.Model.Payloads;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

/// <summary>
/// Inputs AFL++ found (tests/fuzz, docs/testing.md) that escaped a mapper as InvalidOperationException: invalid
/// UTF-8 in a JSON property name or string, which System.Text.Json checks only when the text is read.
/// </summary>
public class FuzzFoundPayloadTests
{
    [Theory]
    [InlineData("tasmota", "tfle/pow1/SE", "7b22538e61747573534e53223a7b22223a22323138222c22454e45524759223a7b225465223a223a3430222c22546f74616c223a362e3430342c22646179223a312e3036342c22506f776572223a323632392c224170706172656e74506f776572223a323634352c225265776572223a3238382c22466163746f72223a302e39392c22566f6c74616765223a3232362c2243757272656e74223a31377d7d7d")]
    [InlineData("shelly", "shelly1/ts/rpc", "7b22737263223a22737931222c226d6574686f64223a22e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e24e6f7469667a537461747573222c22706172616d73223a7b227473223a31392e352c227377697463683a30223a7b2261706f776572223a352e31327d7d7d")]
    public void Map_InvalidUtf8InJsonText_RejectedWithReasonNothingStored(string format, string topic, string payloadHex)
    {
        var h = new PayloadHarness(format);

        var outcome = h.Run(topic, Convert.FromHexString(payloadHex));

        Assert.False(outcome.Accepted);
        Assert.Equal("malformed JSON: invalid UTF-8 in a name or string", outcome.Reason);
        Assert.Equal(0, h.Store.SeriesCount);
    }
}
