using System.Globalization;

namespace DcimAgent.Simulator.Physics;

/// <summary>A server carrying eight boards, its own (CPU, memory, fans, NICs) power, and the job it runs.</summary>
public sealed class AcceleratorHost
{
    public const int BoardsPerHost = 8;

    public AcceleratorHost(string name, string rack, BoardSpec spec, LoadSchedule schedule, double baseIdleW, double baseLoadW, double inletC, int hostIndex)
    {
        Name = name;
        Rack = rack;
        Spec = spec;
        Schedule = schedule;
        BaseIdleW = baseIdleW;
        BaseLoadW = baseLoadW;
        var boards = new List<Board>(BoardsPerHost);
        for (var i = 0; i < BoardsPerHost; i++)
        {
            // Stable, well-formed identifiers derived from the host and slot (the shape of NVML's GPU-UUID).
            var n = (hostIndex * 16) + i;
            var uuid = string.Create(CultureInfo.InvariantCulture, $"GPU-0d3c{n:x4}-5e1a-4b7c-9d2e-{0x1000_0000_0000L + n:x12}");
            var serial = string.Create(CultureInfo.InvariantCulture, $"16525241{n:00000}");
            boards.Add(new Board(spec, i, spec.Vendor == "NVIDIA" ? uuid : string.Empty, serial, inletC));
        }

        Boards = boards;
        PowerW = baseIdleW + boards.Sum(b => b.PowerW);
    }

    public string Name { get; }

    public string Rack { get; }

    public BoardSpec Spec { get; }

    public LoadSchedule Schedule { get; }

    public double BaseIdleW { get; }

    public double BaseLoadW { get; }

    public IReadOnlyList<Board> Boards { get; }

    /// <summary>Input power of the whole server: boards plus the rest of the chassis.</summary>
    public double PowerW { get; private set; }

    public double Utilization { get; private set; }

    public void Step(double t, double dt, double inletC, Noise noise)
    {
        var target = Schedule.TargetUtilization(t);
        var sum = 0.0;
        var util = 0.0;
        foreach (var b in Boards)
        {
            b.Step(dt, target, inletC, noise);
            sum += b.PowerW;
            util += b.Utilization;
        }

        Utilization = util / Boards.Count;

        // Fans work harder as the inlet warms: about 25 W per °C above 25 °C.
        var fans = Math.Max(0, inletC - 25) * 25;
        PowerW = BaseIdleW + ((BaseLoadW - BaseIdleW) * Utilization) + fans + sum;
    }
}
