using DcimAgent.Model.Facility;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Tests.Facility;

public sealed class MeterAccountTests
{
    private static readonly DeviceIdentity Pdu = new("pdu-1", "pdu");
    private const long GapLimitMs = 60_000;

    private static MeterReading Power(double watts, long sampleMs) =>
        new("pdu-1", Pdu, watts, sampleMs, double.NaN, double.NaN, 0);

    private static MeterReading Register(double joules, long sampleMs, double raw = double.NaN) =>
        new("pdu-1", Pdu, 1000, sampleMs, joules, double.IsNaN(raw) ? joules : raw, sampleMs);

    /// <summary>Samples P(t) every <paramref name="stepMs"/> over [0, durationMs] and integrates.</summary>
    private static double Integrate(Func<double, double> watts, long durationMs, long stepMs)
    {
        var account = new MeterAccount("pdu-1");
        double total = 0;
        for (long t = 0; t <= durationMs; t += stepMs)
        {
            total += account.Advance(Power(watts(t / 1000.0), t), t, t, GapLimitMs).EnergyJoules;
        }

        return total;
    }

    [Fact]
    public void Advance_ConstantPower_IntegratesExactly()
    {
        var joules = Integrate(_ => 2500, 3_600_000, 15_000);

        Assert.Equal(2500 * 3600.0, joules, 6);
    }

    [Fact]
    public void Advance_LinearRamp_TrapezoidIsExact()
    {
        // P(t) = 1000 + 0.5 t W over one hour: E = 1000*3600 + 0.25*3600² J.
        var joules = Integrate(t => 1000 + (0.5 * t), 3_600_000, 15_000);

        Assert.Equal((1000 * 3600.0) + (0.25 * 3600 * 3600), joules, 6);
    }

    [Fact]
    public void Advance_SinePower_ErrorWithinTrapezoidBound()
    {
        // P(t) = 5000 + 2000 sin(2πt/600) over 45 min (4.5 periods), sampled every 15 s.
        const double a = 2000, period = 600, seconds = 2700, h = 15;
        var w = 2 * Math.PI / period;
        var exact = (5000 * seconds) + (a / w * (1 - Math.Cos(w * seconds)));
        var bound = seconds * h * h * a * w * w / 12; // (b-a) h² max|P''| / 12

        var joules = Integrate(t => 5000 + (a * Math.Sin(w * t)), (long)(seconds * 1000), (long)(h * 1000));

        Assert.InRange(Math.Abs(joules - exact), 0, bound);
        Assert.True(bound / exact < 0.0025, "the bound itself is tight: under 0.25 % of the energy");
    }

    [Fact]
    public void Advance_SilenceLongerThanGapLimit_CountsGapSecondsNotEnergy()
    {
        var account = new MeterAccount("pdu-1");
        account.Advance(Power(1000, 0), 0, 0, GapLimitMs);
        var within = account.Advance(Power(1000, 60_000), 60_000, 60_000, GapLimitMs);
        var beyond = account.Advance(Power(1000, 181_000), 181_000, 181_000, GapLimitMs);
        var after = account.Advance(Power(3000, 191_000), 191_000, 191_000, GapLimitMs);

        Assert.Equal(60_000.0, within.EnergyJoules);
        Assert.Equal(0.0, beyond.EnergyJoules);
        Assert.Equal(121.0, beyond.GapSeconds);
        Assert.Equal(20_000.0, after.EnergyJoules);
        Assert.Equal(0.0, after.GapSeconds);
    }

    [Fact]
    public void Advance_WallClockStepsBackAnHour_IntegratesMonotonicSpanOnly()
    {
        var account = new MeterAccount("pdu-1");
        const long wall = 1_750_000_000_000;
        account.Advance(Power(2000, wall), 0, wall, GapLimitMs);
        // NTP steps the wall clock back one hour while 15 s pass on the monotonic clock.
        var back = account.Advance(Power(2000, wall - 3_600_000 + 15_000), 15_000, wall - 3_600_000 + 15_000, GapLimitMs);
        // ...and forwards two hours.
        var forward = account.Advance(Power(2000, wall + 7_200_000), 30_000, wall + 7_200_000, GapLimitMs);

        Assert.Equal(30_000.0, back.EnergyJoules);
        Assert.Equal(30_000.0, forward.EnergyJoules);
        Assert.Equal(0.0, back.GapSeconds + forward.GapSeconds);
    }

    [Fact]
    public void Advance_SameReadingTwice_AddsNothingTheSecondTime()
    {
        var account = new MeterAccount("pdu-1");
        account.Advance(Power(1000, 0), 0, 0, GapLimitMs);
        var first = account.Advance(Power(1000, 15_000), 15_000, 15_000, GapLimitMs);
        var repeat = account.Advance(Power(1000, 15_000), 30_000, 30_000, GapLimitMs);
        var next = account.Advance(Power(1000, 45_000), 45_000, 45_000, GapLimitMs);

        Assert.Equal(15_000.0, first.EnergyJoules);
        Assert.False(repeat.Fresh);
        Assert.Equal(0.0, repeat.EnergyJoules);
        Assert.Equal(30_000.0, next.EnergyJoules); // dt runs from the last new reading
    }

    [Fact]
    public void Advance_RegisterPresent_UsesRegisterIncreaseNotPower()
    {
        var account = new MeterAccount("pdu-1");
        account.Advance(Register(1_000_000, 0), 0, 0, GapLimitMs);
        var step = account.Advance(Register(1_090_000, 15_000), 15_000, 15_000, GapLimitMs);

        Assert.Equal(90_000.0, step.EnergyJoules); // power says 1000 W × 15 s = 15 kJ; the register wins
    }

    [Fact]
    public void Advance_RegisterVanishesThenReturns_NeverCountsASpanTwice()
    {
        var account = new MeterAccount("pdu-1");
        account.Advance(Register(1_000_000, 0), 0, 0, GapLimitMs);
        var switchToPower = account.Advance(Power(1000, 15_000), 15_000, 15_000, GapLimitMs);
        var integrated = account.Advance(Power(1000, 30_000), 30_000, 30_000, GapLimitMs);
        var registerBack = account.Advance(Register(1_045_000, 45_000), 45_000, 45_000, GapLimitMs);
        var registerNext = account.Advance(Register(1_060_000, 60_000), 60_000, 60_000, GapLimitMs);

        Assert.Equal(0.0, switchToPower.EnergyJoules);
        Assert.Equal(15_000.0, integrated.EnergyJoules);
        Assert.Equal(0.0, registerBack.EnergyJoules);
        Assert.Equal(15_000.0, registerNext.EnergyJoules);
    }

    [Fact]
    public void Restore_PowerMeter_ContinuesFromPersistedWallStamp()
    {
        var before = new MeterAccount("pdu-1");
        before.Advance(Power(1200, 1_000_000), 5, 1_000_000, GapLimitMs);
        var state = before.ToState();

        var after = MeterAccount.Restore(state);
        var step = after.Advance(Power(1800, 1_030_000), 7, 1_030_000, GapLimitMs);

        Assert.Equal(1500.0 * 30, step.EnergyJoules);
    }

    [Fact]
    public void Restore_ClockBehindPersistedStamp_CountsNoEnergy()
    {
        var before = new MeterAccount("pdu-1");
        before.Advance(Power(1200, 1_000_000), 5, 1_000_000, GapLimitMs);

        var after = MeterAccount.Restore(before.ToState());
        var step = after.Advance(Power(1200, 990_000), 7, 990_000, GapLimitMs);

        Assert.Equal(0.0, step.EnergyJoules);
        Assert.Equal(0.0, step.GapSeconds);
        Assert.True(step.Fresh);
    }
}
