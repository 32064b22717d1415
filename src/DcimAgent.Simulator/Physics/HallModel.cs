namespace DcimAgent.Simulator.Physics;

/// <summary>
/// The whole hall in simulated time: jobs drive the boards, boards and chassis drive the PDUs, the heat drives
/// the cooling plant, the cooling plant drives every rack inlet, and the inlet feeds back into the boards. Pure
/// and single-threaded: <see cref="Advance"/> is called by one loop, readers take the values between steps.
/// </summary>
public sealed class HallModel
{
    /// <summary>Warm air recirculating over the top of the racks adds a little to the supply air.</summary>
    public const double RecirculationC = 1.0;
    public const double LightingAndLossesW = 1500;
    public const double UpsEfficiency = 0.96;

    private readonly Noise _noise;
    private readonly double _heatMaxW;

    public HallModel(HallLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        var o = layout.Options;
        _noise = new Noise(o.Seed);
        Incident = new IncidentScript(o.IncidentAfter?.TotalSeconds, o.IncidentDuration.TotalSeconds);
        var inlet = CoolingPlant.AirSetpointC + RecirculationC;
        var hosts = new List<AcceleratorHost>();
        var pdus = new List<PduModel>();
        var i = 0;
        foreach (var (name, rack, ascend) in layout.Hosts)
        {
            var host = ascend
                ? new AcceleratorHost(name, rack, BoardSpec.Ascend910B3, LoadSchedule.ForHost(i), 1200, 1800, inlet, i)
                : new AcceleratorHost(name, rack, BoardSpec.H100, LoadSchedule.ForHost(i), 1600, 2400, inlet, i);
            hosts.Add(host);
            var lower = rack.ToLowerInvariant();
            pdus.Add(new PduModel($"pdu-{lower}-a", rack, "A", 0.51, name, 7.0e9 + (i * 1.3e9)));
            pdus.Add(new PduModel($"pdu-{lower}-b", rack, "B", 0.49, name, 6.8e9 + (i * 1.3e9)));
            i++;
        }

        Hosts = hosts;
        Pdus = pdus;
        _heatMaxW = hosts.Sum(h => h.BaseLoadW + (h.Spec.PowerLimitW ?? h.Spec.LoadDemandW) * h.Boards.Count) + (PduModel.SwitchW * hosts.Count);
        Mains = new EnergyMeter(HallLayout.MainsMeter, 1.52e12);
        CoolingMeter = new EnergyMeter(HallLayout.CoolingMeter, 2.1e11);
        InletC = inlet;
    }

    public HallLayout Layout { get; }

    public IncidentScript Incident { get; }

    /// <summary>Simulated seconds since start.</summary>
    public double Time { get; private set; }

    public IncidentPhase Phase => Incident.Phase(Time);

    public IReadOnlyList<AcceleratorHost> Hosts { get; }

    public IReadOnlyList<PduModel> Pdus { get; }

    public CoolingPlant Cooling { get; } = new();

    public UpsModel Ups { get; } = new();

    public EnergyMeter Mains { get; }

    public EnergyMeter CoolingMeter { get; }

    /// <summary>Rack inlet air temperature of the row (the first rack; the others read a few tenths higher).</summary>
    public double InletC { get; private set; }

    public double RackInletC(string rack)
    {
        var index = Layout.Racks.ToList().IndexOf(rack);
        return InletC + (Math.Max(index, 0) * 0.3);
    }

    /// <summary>IT power: the PDUs plus the UPS output.</summary>
    public double ItPowerW => Pdus.Sum(p => p.PowerW) + Ups.OutputPowerW;

    public PduModel Pdu(string name) => Pdus.First(p => p.Name == name);

    /// <summary>Moves the hall forward by <paramref name="dt"/> simulated seconds, in steps of at most one second.</summary>
    public void Advance(double dt)
    {
        while (dt > 1e-9)
        {
            var step = Math.Min(dt, 1.0);
            StepOnce(step);
            dt -= step;
        }
    }

    private void StepOnce(double dt)
    {
        Time += dt;
        foreach (var host in Hosts)
        {
            host.Step(Time, dt, RackInletC(host.Rack), _noise);
        }

        foreach (var pdu in Pdus)
        {
            var host = Hosts.First(h => h.Rack == pdu.Rack);
            pdu.Step(dt, host.PowerW, host.Utilization, _noise);
        }

        var heat = Pdus.Sum(p => p.PowerW);
        Cooling.Step(dt, heat, _heatMaxW, Incident.ChillerTripped(Time), _noise);
        InletC = Cooling.SupplyAirC + RecirculationC;
        Ups.Step(InletC, _noise);
        CoolingMeter.Step(dt, Cooling.ElectricalW);
        Mains.Step(dt, (ItPowerW / UpsEfficiency) + Cooling.ElectricalW + LightingAndLossesW);
    }
}
