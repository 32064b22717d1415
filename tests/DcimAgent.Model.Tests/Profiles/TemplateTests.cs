using DcimAgent.Model.Profiles;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Tests.Profiles;

public sealed class TemplateTests
{
    private static RowContext Row(LookupCache? cache = null) => new(
        [1, 13, 8],
        "1.13.8",
        new Dictionary<uint, SnmpValue> { [2] = SnmpValue.OctetString("UNIT-CA1     "), [5] = SnmpValue.Integer(-1) },
        cache);

    [Theory]
    [InlineData("L{index.2}", "L13")]
    [InlineData("{index}", "1.13.8")]
    [InlineData("{index.1-2}", "1.13")]
    [InlineData("{col.2} supply", "UNIT-CA1 supply")]
    [InlineData("{col.5}", "-1")]
    [InlineData("{col.9|'none'}", "none")]
    [InlineData("{lookup:names@index.1-2|index.2}", "Outlet 13")]
    [InlineData("{lookup:missing|index.3}", "8")]
    [InlineData("{lookup:scale@'0'}", "10")]
    public void Render_Placeholders_ResolveFromIndexColumnsAndLookups(string template, string expected)
    {
        var cache = new LookupCache();
        cache.Load(new LookupDefinition("names", Oid.Parse("1.3.6.1.4.1.9.2")), [new VarBind(Oid.Parse("1.3.6.1.4.1.9.2.1.13"), SnmpValue.OctetString("Outlet 13"))], 1);
        cache.Load(new LookupDefinition("scale", Oid.Parse("1.3.6.1.4.1.9.3")), [new VarBind(Oid.Parse("1.3.6.1.4.1.9.3.0"), SnmpValue.Integer(10))], 1);

        Assert.Equal(expected, Template.Parse(template).Render(Row(cache)));
    }

    [Fact]
    public void Render_MissingSourceWithoutFallback_IsNull()
    {
        Assert.Null(Template.Parse("{col.7}").Render(Row()));
    }

    [Theory]
    [InlineData("{index.0}")]
    [InlineData("{index.3-2}")]
    [InlineData("{colour.1}")]
    [InlineData("{lookup:x@col.1}")]
    public void Parse_BadPlaceholder_ThrowsFormatException(string template)
    {
        Assert.Throws<FormatException>(() => Template.Parse(template));
    }
}
