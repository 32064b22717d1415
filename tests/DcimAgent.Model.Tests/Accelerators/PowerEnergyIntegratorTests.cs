using DcimAgent.Model.Accelerators;

namespace DcimAgent.Model.Tests.Accelerators;

public sealed class PowerEnergyIntegratorTests
{
    private static AcceleratorReading Board(double watts) => new() { Index = 0, PowerWatts = watts };

    [Fact]
    public void Apply_TwoReadings_AddsTheTrapezoid()
    {
        var i = new PowerEnergyIntegrator();
        var a = Board(100);
        var b = Board(300);

        i.Apply([a], 10_000);
        i.Apply([b], 20_000);

        Assert.Equal(0, a.EnergyJoules);
        Assert.Equal(2000, b.EnergyJoules); // (100 + 300) / 2 W × 10 s
        Assert.True(b.EnergyIntegrated);
    }

    [Fact]
    public void Apply_GapLongerThanMax_HoldsTheCounter()
    {
        var i = new PowerEnergyIntegrator(maxGapMs: 60_000);
        i.Apply([Board(100)], 0);
        i.Apply([Board(100)], 10_000);
        var afterGap = Board(100);
        var next = Board(100);

        i.Apply([afterGap], 200_000);
        i.Apply([next], 210_000);

        Assert.Equal(1000, afterGap.EnergyJoules);
        Assert.Equal(2000, next.EnergyJoules);
    }

    [Fact]
    public void Apply_BoardWithOwnCounter_IsLeftAlone()
    {
        var i = new PowerEnergyIntegrator();
        var r = new AcceleratorReading { PowerWatts = 700, EnergyJoules = 5446.962 };

        i.Apply([r], 1000);

        Assert.Equal(5446.962, r.EnergyJoules);
        Assert.False(r.EnergyIntegrated);
    }

    [Fact]
    public void Apply_ClockStepsBack_AddsNothing()
    {
        var i = new PowerEnergyIntegrator();
        i.Apply([Board(100)], 10_000);
        i.Apply([Board(100)], 20_000);
        var back = Board(500);

        i.Apply([back], 15_000);

        Assert.Equal(1000, back.EnergyJoules);
    }
}
