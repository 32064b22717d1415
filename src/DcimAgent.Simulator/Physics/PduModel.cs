namespace DcimAgent.Simulator.Physics;

/// <summary>
/// A three-phase rack PDU on one feed: the host's power supplies on outlets 1–3 (one per phase), the top-of-rack
/// switch on 4, two spares that are on and idle, two switched off. Each feed carries its share of the load.
/// </summary>
public sealed class PduModel
{
    public const int Phases = 3;
    public const double NominalVoltage = 230;
    public const double SwitchW = 300;
    public const double SelfW = 12;

    private readonly double[] _voltage = [NominalVoltage, NominalVoltage, NominalVoltage];

    public PduModel(string name, string rack, string feed, double share, string hostName, double initialEnergyJoules)
    {
        Name = name;
        Rack = rack;
        Feed = feed;
        Share = share;
        Outlets =
        [
            new PduOutlet(1, $"{hostName} PSU{(feed == "A" ? 1 : 4)}", 1, true),
            new PduOutlet(2, $"{hostName} PSU{(feed == "A" ? 2 : 5)}", 2, true),
            new PduOutlet(3, $"{hostName} PSU{(feed == "A" ? 3 : 6)}", 3, true),
            new PduOutlet(4, $"tor-{rack.ToLowerInvariant()} PSU{(feed == "A" ? 1 : 2)}", 1, true),
            new PduOutlet(5, "spare", 2, true),
            new PduOutlet(6, "spare", 3, true),
            new PduOutlet(7, "Outlet 7", 1, false),
            new PduOutlet(8, "Outlet 8", 2, false),
        ];
        EnergyJoules = initialEnergyJoules;
        foreach (var o in Outlets)
        {
            o.EnergyJoules = initialEnergyJoules / 40;
        }
    }

    public string Name { get; }

    public string Rack { get; }

    /// <summary>A or B.</summary>
    public string Feed { get; }

    /// <summary>Fraction of the rack load this feed carries.</summary>
    public double Share { get; }

    public IReadOnlyList<PduOutlet> Outlets { get; }

    public double PowerW { get; private set; }

    public double PowerFactor { get; private set; } = 0.97;

    public double EnergyJoules { get; private set; }

    public double PhasePowerW(int phase) => Outlets.Where(o => o.Phase == phase).Sum(o => o.PowerW) + (SelfW / Phases);

    public double PhaseVoltage(int phase) => _voltage[phase - 1];

    public double PhaseCurrentA(int phase) => PhasePowerW(phase) / (PhaseVoltage(phase) * PowerFactor);

    public void Step(double dt, double hostPowerW, double hostUtilization, Noise noise)
    {
        var perSupply = hostPowerW * Share / 3;
        for (var i = 0; i < 3; i++)
        {
            Outlets[i].PowerW = Math.Max(0, perSupply * (1 + noise.Gaussian(0.01)));
        }

        Outlets[3].PowerW = (SwitchW * Share) + noise.Gaussian(2);
        Outlets[4].PowerW = 0;
        Outlets[5].PowerW = 0;
        for (var p = 0; p < Phases; p++)
        {
            // Mains voltage wanders slowly around nominal.
            _voltage[p] = Math.Clamp(_voltage[p] + noise.Gaussian(0.3), NominalVoltage - 4, NominalVoltage + 4);
        }

        PowerFactor = 0.95 + (0.04 * hostUtilization);
        var total = SelfW;
        foreach (var o in Outlets)
        {
            o.EnergyJoules += o.PowerW * dt;
            total += o.PowerW;
        }

        PowerW = total;
        EnergyJoules += total * dt;
    }
}
