using System.Globalization;
using System.Text;
using System.Text.Json;
using DcimAgent.Model.Payloads.Json;

namespace DcimAgent.Model.Tests.Payloads;

public class ShortDecimalTests
{
    [Theory]
    [InlineData("227", 227.0)]
    [InlineData("11.661", 11.661)]
    [InlineData("0.99", 0.99)]
    [InlineData("-0.5", -0.5)]
    [InlineData("0", 0.0)]
    [InlineData("6.294", 6.294)]
    [InlineData("123456789012345", 123456789012345.0)]
    [InlineData("0.000000000000001", 1e-15)] // leading zeros are not significant digits
    [InlineData("0.0000000000000000000001", 1e-22)]
    public void TryParse_TelemetryNumbers_TheReadersDouble(string text, double expected)
    {
        Assert.True(ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var v));
        Assert.Equal(expected, v);
        Assert.Equal(BitConverter.DoubleToInt64Bits(ReaderDouble(text)), BitConverter.DoubleToInt64Bits(v));
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("1.5E-2")]
    [InlineData("1234567890123456")] // 16 digits: not exact by this path
    [InlineData("0.1234567890123456")]
    [InlineData("0.00000000000000000000001")] // 23 digits after the point: 10^23 is not exact
    public void TryParse_ShapesForTheGeneralParser_False(string text) =>
        Assert.False(ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TryParse_MinusZero_NegativeZeroLikeTheReader()
    {
        Assert.True(ShortDecimal.TryParse("-0"u8, out var v));
        Assert.True(double.IsNegative(v));
        Assert.True(double.IsNegative(ReaderDouble("-0")));
    }

    /// <summary>200,000 random decimals of every length and point position: bit for bit the reader's double.</summary>
    [Fact]
    public void TryParse_RandomDecimals_BitForBitTheReadersDouble()
    {
        var random = new Random(20261127);
        var taken = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var digits = random.Next(1, 17);
            var sb = new StringBuilder();
            if (random.Next(4) == 0)
            {
                sb.Append('-');
            }

            var point = random.Next(0, digits); // digits before the point
            for (var i = 0; i < digits; i++)
            {
                if (i == point && i > 0)
                {
                    sb.Append('.');
                }

                // JSON forbids a leading zero before more digits: the first digit is 0 only when a point follows it.
                var d = i == 0 && point != 1 ? random.Next(1, 10) : random.Next(10);
                sb.Append((char)('0' + d));
            }

            var text = sb.ToString();
            if (ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var v))
            {
                taken++;
                Assert.True(BitConverter.DoubleToInt64Bits(ReaderDouble(text)) == BitConverter.DoubleToInt64Bits(v),
                    string.Create(CultureInfo.InvariantCulture, $"{text}: {v:R} vs reader {ReaderDouble(text):R}"));
            }
        }

        Assert.True(taken > 150_000, $"only {taken} taken by the fast path");
    }

    private static double ReaderDouble(string text)
    {
        var reader = new Utf8JsonReader(Encoding.ASCII.GetBytes(text));
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        Assert.True(reader.TryGetDouble(out var d));
        return d;
    }
}
