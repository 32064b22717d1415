using DcimAgent.Model.Facility;

namespace DcimAgent.Model.Tests.Facility;

public sealed class DeviceGlobTests
{
    [Theory]
    [InlineData("pdu-*", "pdu-r01-a", true)]
    [InlineData("pdu-*", "ups-1", false)]
    [InlineData("pdu-r0?-a", "pdu-r07-a", true)]
    [InlineData("pdu-r0?-a", "pdu-r10-a", false)]
    [InlineData("*-a", "pdu-r01-a", true)]
    [InlineData("*r*1*", "pdu-r01-a", true)]
    [InlineData("chiller-1", "chiller-1", true)]
    [InlineData("chiller-1", "chiller-10", false)]
    [InlineData("Chiller-1", "chiller-1", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    public void Matches_Pattern_AgreesWithShellGlob(string pattern, string name, bool expected) =>
        Assert.Equal(expected, DeviceGlob.Matches(pattern, name));

    [Fact]
    public void IsPattern_NameWithoutWildcards_IsFalse()
    {
        Assert.False(DeviceGlob.IsPattern("crah-1"));
        Assert.True(DeviceGlob.IsPattern("crah-?"));
    }
}
