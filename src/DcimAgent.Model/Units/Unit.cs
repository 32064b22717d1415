namespace DcimAgent.Model.Units;

/// <summary>
/// A source unit a device reports in, and how to reach the Prometheus base unit of its quantity:
/// <c>base = value × Factor + Offset</c> (°F is the only unit that needs the offset).
/// </summary>
public sealed record Unit(string Name, string BaseUnit, double Factor, double Offset = 0)
{
    public double ToBase(double value) => (value * Factor) + Offset;
}
