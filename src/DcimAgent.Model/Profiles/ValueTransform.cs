using System.Globalization;
using System.Text.RegularExpressions;
using DcimAgent.Model.Units;
using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// Raw SNMP value → number in the family's base unit. Steps, in order: read a number (numeric types, or the
/// first number inside a string such as "12.096" or "60 degree Celsius"); drop sentinels and values outside
/// the valid range (absent, never 0); optional value map; magnitude; multiply/divide; per-row scale; offset;
/// source unit → base unit through <see cref="UnitLibrary"/>.
/// </summary>
public sealed partial class ValueTransform
{
    public static readonly ValueTransform Identity = new();

    public IReadOnlyList<double> Absent { get; init; } = [];

    public double? ValidMin { get; init; }

    public double? ValidMax { get; init; }

    public IReadOnlyDictionary<string, double>? ValueMap { get; init; }

    public bool Magnitude { get; init; }

    public double Multiply { get; init; } = 1;

    public double Divide { get; init; } = 1;

    public double Offset { get; init; }

    public Template? Scale { get; init; }

    public ScaleMode ScaleMode { get; init; } = ScaleMode.Divide;

    /// <summary>A fixed source unit (validated against the family at load).</summary>
    public Unit? Unit { get; init; }

    /// <summary>A unit read per row (APC coolingUnit Units column, Raritan sensor units).</summary>
    public Template? UnitTemplate { get; init; }

    /// <summary>Device spelling → unit library name for <see cref="UnitTemplate"/> ("%RH" → "%").</summary>
    public IReadOnlyDictionary<string, string>? UnitMap { get; init; }

    /// <summary>The base unit the result must be in (the family's); checked for per-row units.</summary>
    public string BaseUnit { get; init; } = string.Empty;

    /// <summary>Reads the raw value as a number: numeric types directly, strings by their first number.</summary>
    public static bool TryReadNumber(in SnmpValue value, out double number)
    {
        number = double.NaN;
        if (value.IsNumeric)
        {
            number = value.AsDouble();
            return true;
        }

        if (value.Type != SnmpType.OctetString)
        {
            return false;
        }

        var m = NumberInText().Match(value.AsText());
        return m.Success && double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Applies the transform; returns a reason when the value is to be absent.</summary>
    public ValueOutcome Apply(in SnmpValue raw, in RowContext row, out double result)
    {
        result = double.NaN;
        double v;
        if (ValueMap is not null)
        {
            var key = raw.IsNumeric ? raw.AsText() : raw.AsText().Trim();
            if (!ValueMap.TryGetValue(key, out v))
            {
                return ValueOutcome.Unmapped;
            }
        }
        else if (!TryReadNumber(raw, out v))
        {
            return raw.Type is SnmpType.Null || raw.IsException || raw.AsBytes().Length == 0
                ? ValueOutcome.NotReported
                : ValueOutcome.NotANumber;
        }

        foreach (var s in Absent)
        {
            if (v == s)
            {
                return ValueOutcome.Sentinel;
            }
        }

        if ((ValidMin is { } min && v < min) || (ValidMax is { } max && v > max))
        {
            return ValueOutcome.OutOfRange;
        }

        if (Magnitude)
        {
            v = Math.Abs(v);
        }

        // Collect one numerator and one denominator so 27 hundredths of kW is 27 × 1000 / 100 = 270 exactly.
        var num = Multiply;
        var den = Divide;
        if (Scale is not null)
        {
            var text = Scale.Render(row);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale))
            {
                return ValueOutcome.NoScale;
            }

            switch (ScaleMode)
            {
                case ScaleMode.Divide when scale == 0:
                    return ValueOutcome.NoScale;
                case ScaleMode.Divide:
                    den *= scale;
                    break;
                case ScaleMode.Multiply:
                    num *= scale;
                    break;
                case ScaleMode.DecimalDigits:
                    den *= Math.Pow(10, scale);
                    break;
                case ScaleMode.SiPrefix when scale < 9:
                    den *= Math.Pow(1000, 9 - scale);
                    break;
                case ScaleMode.SiPrefix when scale > 9:
                    num *= Math.Pow(1000, scale - 9);
                    break;
                case ScaleMode.SignedFactor when scale < 0:
                    den *= -scale;
                    break;
                case ScaleMode.SignedFactor when scale > 0:
                    num *= scale;
                    break;
            }
        }

        var unit = Unit;
        if (UnitTemplate is not null)
        {
            var name = UnitTemplate.Render(row);
            if (string.IsNullOrEmpty(name))
            {
                return ValueOutcome.UnknownUnit;
            }

            if (UnitMap is not null && UnitMap.TryGetValue(name, out var mapped))
            {
                name = mapped;
            }

            if (!UnitLibrary.TryGet(name, out unit)
                || (unit.BaseUnit.Length > 0 && !string.Equals(unit.BaseUnit, BaseUnit, StringComparison.Ordinal)))
            {
                return ValueOutcome.UnknownUnit;
            }
        }

        if (unit is null)
        {
            v = (v * num / den) + Offset;
        }
        else if (Offset == 0)
        {
            Fold(unit.Factor, ref num, ref den);
            v = (v * num / den) + unit.Offset;
        }
        else
        {
            v = (v * num / den) + Offset;
            var (n, d) = (1.0, 1.0);
            Fold(unit.Factor, ref n, ref d);
            v = (v * n / d) + unit.Offset;
        }

        if (!double.IsFinite(v))
        {
            return ValueOutcome.NotANumber;
        }

        result = v;
        return ValueOutcome.Ok;
    }

    /// <summary>
    /// Puts a unit factor into the fraction: as a divisor where it is the reciprocal of a whole number
    /// (82 × 0.01 is 0.8200000000000001 in binary floating point, 82 / 100 is 0.82).
    /// </summary>
    private static void Fold(double factor, ref double num, ref double den)
    {
        if (factor > 0 && factor < 1)
        {
            var inverse = 1 / factor;
            var whole = Math.Round(inverse);
            if (Math.Abs(inverse - whole) < 1e-9 * whole)
            {
                den *= whole;
                return;
            }
        }

        num *= factor;
    }

    [GeneratedRegex(@"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberInText();
}

/// <summary>What became of one raw value.</summary>
public enum ValueOutcome
{
    Ok,

    /// <summary>Missing, NULL, noSuchObject or empty: the device did not give it.</summary>
    NotReported,

    /// <summary>A documented "not available" value (-1, 65535, 2147483647, ...).</summary>
    Sentinel,

    /// <summary>Outside the range the MIB allows.</summary>
    OutOfRange,

    /// <summary>Text with no number in it.</summary>
    NotANumber,

    /// <summary>An enumeration value the profile does not map.</summary>
    Unmapped,

    /// <summary>The per-row scale is missing or zero.</summary>
    NoScale,

    /// <summary>The per-row unit is missing, unknown, or of another quantity than the family.</summary>
    UnknownUnit,
}
