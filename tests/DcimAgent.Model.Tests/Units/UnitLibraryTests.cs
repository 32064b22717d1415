using DcimAgent.Model.Units;

namespace DcimAgent.Model.Tests.Units;

public class UnitLibraryTests
{
    [Theory]
    [InlineData("tenths", 2305, 230.5)]
    [InlineData("hundredths", 1234, 12.34)]
    [InlineData("milli", 1500, 1.5)]
    [InlineData("kilo", 2.5, 2500)]
    [InlineData("W", 730, 730)]
    [InlineData("kW", 1.25, 1250)]
    [InlineData("dW", 55, 5.5)]
    [InlineData("VA", 900, 900)]
    [InlineData("kVA", 3.5, 3500)]
    [InlineData("Wh", 1, 3600)]
    [InlineData("kWh", 12.096, 43545600)]
    [InlineData("MWh", 2, 7.2e9)]
    [InlineData("mJ", 123456789, 123456.789)]
    [InlineData("dkWh", 10, 3.6e6)]
    [InlineData("A", 16, 16)]
    [InlineData("dA", 123, 12.3)]
    [InlineData("cA", 123, 1.23)]
    [InlineData("mA", 2500, 2.5)]
    [InlineData("dV", 2301, 230.1)]
    [InlineData("V", 230, 230)]
    [InlineData("C", 21.5, 21.5)]
    [InlineData("dC", 215, 21.5)]
    [InlineData("F", 212, 100)]
    [InlineData("F", 32, 0)]
    [InlineData("F", 77, 25)]
    [InlineData("dF", 770, 25)]
    [InlineData("K", 300, 26.85)]
    [InlineData("percent", 87, 0.87)]
    [InlineData("%", 100, 1)]
    [InlineData("permille", 870, 0.87)]
    [InlineData("ratio", 0.5, 0.5)]
    [InlineData("Hz", 50, 50)]
    [InlineData("dHz", 500, 50)]
    [InlineData("MHz", 1980, 1.98e9)]
    [InlineData("CFM", 1000, 0.47194744319999997)]
    [InlineData("l/s", 12, 0.012)]
    [InlineData("l/min", 60, 0.001)]
    [InlineData("l/h", 3600, 0.001)]
    [InlineData("m3/h", 3600, 1)]
    [InlineData("GPM", 100, 0.0063090196400000006)]
    [InlineData("Pa", 250, 250)]
    [InlineData("kPa", 101.325, 101325)]
    [InlineData("bar", 2.5, 250000)]
    [InlineData("hPa", 1013.25, 101325)]
    [InlineData("psi", 1, 6894.757293168)]
    [InlineData("MiB", 81559, 85520809984)]
    [InlineData("MB", 80, 8e7)]
    [InlineData("GiB", 80, 85899345920)]
    [InlineData("KiB", 1, 1024)]
    [InlineData("timeticks", 12345, 123.45)]
    [InlineData("ms", 1500, 1.5)]
    [InlineData("min", 12, 720)]
    [InlineData("rpm", 5400, 5400)]
    public void ToBase_KnownUnit_ConvertsExactly(string unit, double raw, double expected)
    {
        Assert.Equal(expected, UnitLibrary.ToBase(raw, unit), 9);
    }

    [Theory]
    [InlineData("kWh", "joules")]
    [InlineData("degF", "celsius")]
    [InlineData("GPM", "cubic_meters_per_second")]
    [InlineData("psi", "pascals")]
    [InlineData("MiB", "bytes")]
    [InlineData("percent", "ratio")]
    [InlineData("dA", "amperes")]
    public void Get_Unit_NamesItsBaseUnit(string unit, string baseUnit)
    {
        Assert.Equal(baseUnit, UnitLibrary.Get(unit).BaseUnit);
    }

    [Fact]
    public void TryGet_IsCaseInsensitive()
    {
        Assert.True(UnitLibrary.TryGet("KWH", out var u));
        Assert.Equal(3.6e6, u.Factor);
    }

    [Fact]
    public void Get_UnknownUnit_Throws()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => UnitLibrary.Get("furlongs"));
        Assert.Contains("furlongs", ex.Message);
    }
}
