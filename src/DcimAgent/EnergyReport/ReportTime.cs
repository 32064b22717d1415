using System.Globalization;

namespace DcimAgent.EnergyReport;

/// <summary>Times on the energy-report command line: RFC 3339 (<c>2025-01-01T00:00:00Z</c>) or Unix seconds.</summary>
public static class ReportTime
{
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds > 253_402_300_799m)
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
            return true;
        }

        // RFC 3339 demands a date, a time and an offset (Z or ±hh:mm); a bare date would be ambiguous.
        if (text.Length < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
        {
            return false;
        }

        var last = text[^1];
        var hasOffset = last is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>RFC 3339 in UTC, as the report prints times.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
