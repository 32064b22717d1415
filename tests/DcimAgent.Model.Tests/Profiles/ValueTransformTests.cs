using DcimAgent.Model.Profiles;
using DcimAgent.Model.Units;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Tests.Profiles;

public sealed class ValueTransformTests
{
    private static readonly RowContext NoRow = RowContext.Scalar(null);

    private static RowContext WithScale(int scale) => new([1], "1", new Dictionary<uint, SnmpValue> { [5] = SnmpValue.Integer(scale) }, null);

    [Theory]
    [InlineData("12.096", 12.096)]
    [InlineData("60 degree Celsius", 60)]
    [InlineData(" 23% of maximum", 23)]
    [InlineData("-51.0", -51)]
    [InlineData("0.375000", 0.375)]
    public void TryReadNumber_NumberInsideString_Parsed(string text, double expected)
    {
        Assert.True(ValueTransform.TryReadNumber(SnmpValue.OctetString(text), out var v));
        Assert.Equal(expected, v, 9);
    }

    [Fact]
    public void Apply_HundredthsOfKilowatt_GivesExactWatts()
    {
        var t = new ValueTransform { Unit = UnitLibrary.Get("kW"), Divide = 100, BaseUnit = "watts" };

        Assert.Equal(ValueOutcome.Ok, t.Apply(SnmpValue.Integer(27), NoRow, out var w));
        Assert.Equal(270, w);
    }

    [Fact]
    public void Apply_Hundredths_NoBinaryNoise()
    {
        var t = new ValueTransform { Unit = UnitLibrary.Get("hundredths"), BaseUnit = "ratio" };

        t.Apply(SnmpValue.Integer(82), NoRow, out var pf);

        Assert.Equal("0.82", pf.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-10, 2.5)]
    [InlineData(10, 250)]
    [InlineData(1, 25)]
    public void Apply_SignedFactorScale_NegativeDividesPositiveMultiplies(int scale, double expected)
    {
        var t = new ValueTransform { Scale = Template.Parse("{col.5}"), ScaleMode = ScaleMode.SignedFactor, BaseUnit = "celsius" };

        Assert.Equal(ValueOutcome.Ok, t.Apply(SnmpValue.Integer(25), WithScale(scale), out var v));
        Assert.Equal(expected, v, 9);
    }

    [Fact]
    public void Apply_DecimalDigits_DividesByPowerOfTen()
    {
        var t = new ValueTransform { Scale = Template.Parse("{col.5}"), ScaleMode = ScaleMode.DecimalDigits, Unit = UnitLibrary.Get("A"), BaseUnit = "amperes" };

        t.Apply(SnmpValue.Integer(7467), WithScale(3), out var a);

        Assert.Equal(7.467, a, 12);
    }

    [Fact]
    public void Apply_PerRowDivideScaleMissing_IsNoScaleNotZero()
    {
        var t = new ValueTransform { Scale = Template.Parse("{col.9}"), BaseUnit = "celsius" };

        Assert.Equal(ValueOutcome.NoScale, t.Apply(SnmpValue.Integer(209), WithScale(10), out _));
    }

    [Theory]
    [InlineData(-1, ValueOutcome.Sentinel)]
    [InlineData(2147483647, ValueOutcome.Sentinel)]
    [InlineData(-4, ValueOutcome.OutOfRange)]
    public void Apply_SentinelOrOutOfRange_Absent(int raw, ValueOutcome expected)
    {
        var t = new ValueTransform { Absent = [-1, 2147483647], ValidMin = 0, BaseUnit = "watts" };

        Assert.Equal(expected, t.Apply(SnmpValue.Integer(raw), NoRow, out _));
    }

    [Fact]
    public void Apply_NullOrEmpty_NotReported()
    {
        Assert.Equal(ValueOutcome.NotReported, ValueTransform.Identity.Apply(SnmpValue.Null, NoRow, out _));
        Assert.Equal(ValueOutcome.NotReported, ValueTransform.Identity.Apply(SnmpValue.OctetString(string.Empty), NoRow, out _));
    }

    [Fact]
    public void Apply_SignedPowerFactorWithMagnitude_Positive()
    {
        var t = new ValueTransform { Magnitude = true, Unit = UnitLibrary.Get("thousandths"), BaseUnit = "ratio" };

        t.Apply(SnmpValue.Integer(-946), NoRow, out var pf);

        Assert.Equal(0.946, pf, 12);
    }

    [Fact]
    public void Apply_RowUnitOfOtherQuantity_UnknownUnit()
    {
        var row = new RowContext([1], "1", new Dictionary<uint, SnmpValue> { [4] = SnmpValue.OctetString("kW") }, null);
        var t = new ValueTransform { UnitTemplate = Template.Parse("{col.4}"), BaseUnit = "celsius" };

        Assert.Equal(ValueOutcome.UnknownUnit, t.Apply(SnmpValue.Integer(10), row, out _));
    }

    [Fact]
    public void Apply_FahrenheitRowUnit_ConvertedToCelsius()
    {
        var row = new RowContext([1], "1", new Dictionary<uint, SnmpValue> { [4] = SnmpValue.OctetString("F") }, null);
        var t = new ValueTransform { UnitTemplate = Template.Parse("{col.4}"), Divide = 10, BaseUnit = "celsius" };

        t.Apply(SnmpValue.Integer(696), row, out var c);

        Assert.Equal(20.888888888888889, c, 9);
    }
}
