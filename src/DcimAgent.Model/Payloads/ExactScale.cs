namespace DcimAgent.Model.Payloads;

/// <summary>
/// Multiplies a device's decimal reading by a unit factor in decimal arithmetic, so 9098.245 kWh becomes exactly
/// 32753682000 J rather than 32753682000.000004 (binary floating point cannot hold 9098.245). Values outside
/// decimal's range fall back to double.
/// </summary>
public static class ExactScale
{
    private const double DecimalLimit = 7.9e27;

    public static double Multiply(double value, double factor)
    {
        if (factor == 1)
        {
            return value;
        }

        var product = value * factor;
        if (!double.IsFinite(product) || Math.Abs(product) >= DecimalLimit || Math.Abs(value) >= DecimalLimit || Math.Abs(factor) >= DecimalLimit)
        {
            return product;
        }

        return (double)((decimal)value * (decimal)factor);
    }
}
