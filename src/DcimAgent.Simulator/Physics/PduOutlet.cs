namespace DcimAgent.Simulator.Physics;

/// <summary>One outlet of a rack PDU: what is plugged in, which phase it sits on, its power and energy.</summary>
public sealed class PduOutlet(int number, string name, int phase, bool on)
{
    public int Number { get; } = number;

    public string Name { get; } = name;

    /// <summary>1, 2 or 3.</summary>
    public int Phase { get; } = phase;

    public bool On { get; } = on;

    public double PowerW { get; set; }

    public double EnergyJoules { get; set; }
}
