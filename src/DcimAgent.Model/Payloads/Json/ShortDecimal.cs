namespace DcimAgent.Model.Payloads.Json;

/// <summary>
/// Parses the JSON numbers telemetry is made of (<c>227</c>, <c>11.661</c>, <c>-0.5</c>) exactly and quickly; any
/// other shape (an exponent, more than 15 digits) is left to the general parser. Exact because a whole number
/// below 2^53 and a power of ten up to 10^22 are both doubles without rounding, and IEEE division rounds the
/// quotient correctly: the result is the same double <c>Utf8JsonReader.TryGetDouble</c> gives.
/// The input must already be a valid JSON number token (the reader checked it).
/// </summary>
public static class ShortDecimal
{
    private const int MaxDigits = 15; // significant digits: at most 10^15 - 1 < 2^53
    private const int MaxFraction = 22; // digits after the point: 10^22 is the largest exact power of ten

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>False where the general parser must decide (the value is then unset).</summary>
    public static bool TryParse(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        var i = 0;
        var negative = token.Length > 0 && token[0] == (byte)'-';
        if (negative)
        {
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0; // significant: leading zeros (0.0005) do not count
        var any = false;
        var fraction = -1; // digits after the point, -1 while there is no point
        for (; i < token.Length; i++)
        {
            var c = token[i];
            if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false; // an exponent: the general parser's
            }

            any = true;
            if ((mantissa != 0 || d != 0) && ++digits > MaxDigits)
            {
                return false; // too many digits for the exact path
            }

            mantissa = (mantissa * 10) + d;
            if (fraction >= 0 && ++fraction > MaxFraction)
            {
                return false;
            }
        }

        if (!any)
        {
            return false;
        }

        var v = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        value = negative ? -v : v;
        return true;
    }
}
