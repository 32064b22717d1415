using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Tests.Accelerators;

/// <summary>The 40 s H100 series under a 700 W cap: the facts the fixture README states.</summary>
public sealed class NvmlSeriesTests
{
    private static readonly IReadOnlyList<AcceleratorFrame> Frames =
        NvmlSeriesParser.Parse(AcceleratorFixtures.Read(AcceleratorFixtures.H100("nvml-series.jsonl")));

    [Fact]
    public void Parse_Series_Has73FramesWithIdentity()
    {
        Assert.Equal(73, Frames.Count);
        var first = Frames[0].Boards[0];
        Assert.Equal("GPU-01952c05-254a-7bc6-dd11-10dbb5dff193", first.Uuid);
        Assert.Equal(89, first.SlowdownTemperatureCelsius);
        Assert.Equal(1_795_756_164_329L, Frames[0].TimestampMs);
        Assert.Equal(111.944, first.PowerWatts);
        Assert.Equal(2216.797, first.EnergyJoules);
    }

    [Fact]
    public void Parse_Series_PowerPinnedAtCapWithPowerCapReason()
    {
        var capped = Frames.Select(f => f.Boards[0]).Where(r => (r.ClockEventReasons & ClockEventReasons.SwPowerCap) != 0).ToList();

        Assert.InRange(capped.Count, 30, 45); // ~20 s at ~0.55 s per sample
        // The reported power is a 1 s average: it lags the cap on the two ramp-up samples and the last one.
        var pinned = capped.Where(r => r.PowerWatts >= 690).ToList();
        Assert.Equal(capped.Count - 3, pinned.Count);
        Assert.All(pinned, r => Assert.InRange(r.PowerWatts!.Value, 695, 701));
        Assert.All(pinned, r => Assert.InRange(r.CoreClockHertz!.Value, 1245e6, 1425e6)); // below the 1980 MHz boost
        Assert.Equal(35, Frames.Select(f => f.Boards[0].TemperatureCelsius!.Value).Min());
        Assert.Equal(64, Frames.Select(f => f.Boards[0].TemperatureCelsius!.Value).Max());
    }

    [Fact]
    public void Parse_Series_EnergyCounterAgreesWithIntegratedPower()
    {
        // The board's counter against the trapezoid of its own power readings, over the whole series.
        var boards = Frames.Select(f => (T: f.TimestampMs!.Value, R: f.Boards[0])).ToList();
        var integrated = 0.0;
        for (var i = 1; i < boards.Count; i++)
        {
            integrated += (boards[i - 1].R.PowerWatts!.Value + boards[i].R.PowerWatts!.Value) / 2 * (boards[i].T - boards[i - 1].T) / 1000.0;
        }

        var counted = boards[^1].R.EnergyJoules!.Value - boards[0].R.EnergyJoules!.Value;
        Assert.InRange(integrated / counted, 0.95, 1.05);
    }

    [Fact]
    public void Parse_SampleWithoutTime_NamesTheLine()
    {
        var e = Assert.Throws<AcceleratorParseException>(() => NvmlSeriesParser.Parse("{\"device\": {\"uuid\": \"GPU-1\"}}\n{\"temp_gpu_c\": 30}\n"));

        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Parse_WrongJsonType_NamesTheLine()
    {
        var e = Assert.Throws<AcceleratorParseException>(() => NvmlSeriesParser.Parse("{\"t\": 1, \"index\": \"zero\"}\n"));

        Assert.Equal(1, e.Line);
        Assert.Contains("'index' is String", e.Message, StringComparison.Ordinal);
    }
}
