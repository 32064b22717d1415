using System.Globalization;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// nvidia-smi value text, shared by the CSV and XML readers: numbers with an optional unit suffix
/// (<c>119.26 W</c>, <c>0 %</c>, <c>81559 MiB</c>, <c>405 MHz</c>, <c>57 C</c>), hex bitmasks, and the spellings of
/// "no value" (<c>N/A</c>, <c>[N/A]</c>, <c>[Not Supported]</c>, <c>Unknown Error</c>).
/// </summary>
internal static class NvidiaSmiValue
{
    public const string Vendor = "NVIDIA";

    public static bool IsMissing(string? text)
    {
        if (text is null)
        {
            return true;
        }

        var t = text.Trim().Trim('[', ']');
        return t.Length == 0 || t.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Not Supported", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Unknown Error", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Requested functionality", StringComparison.OrdinalIgnoreCase)
            || t.Equals("Insufficient Permissions", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Text with "no value" spellings turned into null.</summary>
    public static string? Text(string? text) => IsMissing(text) ? null : text!.Trim();

    /// <summary>The number in base units: MiB/KiB/GiB → bytes, MHz/GHz → Hz, W, C, % as printed; null for N/A.</summary>
    /// <exception cref="FormatException">the text is neither a number nor a "no value" spelling.</exception>
    public static double? Number(string? text)
    {
        if (IsMissing(text))
        {
            return null;
        }

        var t = text!.Trim();
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        var number = space < 0 ? t : t[..space];
        var unit = space < 0 ? string.Empty : t[(space + 1)..].Trim();
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw new FormatException($"'{t}' is not a number");
        }

        return unit switch
        {
            "KiB" => v * 1024,
            "MiB" => v * 1024 * 1024,
            "GiB" => v * 1024 * 1024 * 1024,
            "MHz" => v * 1e6,
            "GHz" => v * 1e9,
            "mW" => v / 1000,
            _ => v,
        };
    }

    /// <summary>A <c>0x...</c> bitmask (clocks_event_reasons.active).</summary>
    public static ulong? Hex(string? text)
    {
        if (IsMissing(text))
        {
            return null;
        }

        var t = text!.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }

        return ulong.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"'{text}' is not a hex bitmask");
    }
}
