using System.Globalization;
using System.Text.RegularExpressions;

namespace DcimAgent.Configuration;

/// <summary>Prometheus-style durations: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>7d</c>.</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var m = DurationRegex().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var total = 0.0;
        foreach (Capture part in m.Groups["part"].Captures)
        {
            var pm = PartRegex().Match(part.Value);
            var n = double.Parse(pm.Groups[1].Value, CultureInfo.InvariantCulture);
            total += pm.Groups[2].Value switch
            {
                "ms" => n / 1000,
                "s" => n,
                "m" => n * 60,
                "h" => n * 3600,
                "d" => n * 86400,
                "w" => n * 604800,
                _ => double.NaN,
            };
        }

        if (!double.IsFinite(total) || total > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(total);
        return true;
    }

    public static string Format(TimeSpan value)
    {
        if (value.TotalMilliseconds < 1000 || value.Milliseconds != 0)
        {
            return $"{(long)value.TotalMilliseconds}ms";
        }

        var s = (long)value.TotalSeconds;
        if (s % 3600 == 0)
        {
            return $"{s / 3600}h";
        }

        return s % 60 == 0 ? $"{s / 60}m" : $"{s}s";
    }

    [GeneratedRegex(@"^(?<part>\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartRegex();
}
