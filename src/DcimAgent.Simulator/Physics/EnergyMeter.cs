namespace DcimAgent.Simulator.Physics;

/// <summary>A revenue-style meter: instantaneous power and an energy register that only grows.</summary>
public sealed class EnergyMeter(string name, double initialEnergyJoules)
{
    public string Name { get; } = name;

    public double PowerW { get; private set; }

    public double EnergyJoules { get; private set; } = initialEnergyJoules;

    public void Step(double dt, double powerW)
    {
        PowerW = Math.Max(0, powerW);
        EnergyJoules += PowerW * dt;
    }
}
