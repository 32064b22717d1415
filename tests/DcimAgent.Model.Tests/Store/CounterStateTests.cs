using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Store;

public class CounterStateTests
{
    [Fact]
    public void Observe_Increasing_ExposesRaw()
    {
        var c = new CounterState();
        c.Observe(100, CounterWrap.Bits32);
        c.Observe(250, CounterWrap.Bits32);
        Assert.Equal(250, c.Exposed);
    }

    [Fact]
    public void Observe_Counter32Wrap_AddsOnlyTheWrappedIncrement()
    {
        var c = new CounterState();
        c.Observe(4294967000, CounterWrap.Bits32);
        c.Observe(704, CounterWrap.Bits32); // 296 to the wrap + 704 after it
        Assert.Equal(4294967000d + 1000, c.Exposed);
        Assert.Equal(1, c.Wraps);
        Assert.Equal(0, c.Resets);
    }

    [Fact]
    public void Observe_Counter32LargeDrop_IsResetNotWrap()
    {
        var c = new CounterState();
        c.Observe(1_000_000, CounterWrap.Bits32);
        c.Observe(50, CounterWrap.Bits32); // a wrap would mean +4.29e9: implausible, so the device reset
        Assert.Equal(1_000_050, c.Exposed);
        Assert.Equal(1, c.Resets);
        Assert.Equal(0, c.Wraps);
    }

    [Fact]
    public void Observe_Counter64Wrap_Unwraps()
    {
        var c = new CounterState();
        const double twoPow64 = 18446744073709551616d;
        const double twoPow40 = 1099511627776d;
        c.Observe(twoPow64 - twoPow40, CounterWrap.Bits64);
        c.Observe(twoPow40, CounterWrap.Bits64);
        Assert.Equal(1, c.Wraps);
        Assert.Equal(twoPow64 + twoPow40, c.Exposed);
    }

    [Fact]
    public void Observe_FloatRegisterReset_CountsFromZero()
    {
        var c = new CounterState();
        c.Observe(5000, CounterWrap.None);
        c.Observe(5100, CounterWrap.None);
        c.Observe(20, CounterWrap.None); // register cleared on the device
        c.Observe(30, CounterWrap.None);
        Assert.Equal(5130, c.Exposed);
        Assert.Equal(1, c.Resets);
    }

    [Fact]
    public void Observe_FloatRegisterJitter_HoldsHighWaterMark()
    {
        var c = new CounterState();
        c.Observe(1000.5, CounterWrap.None);
        c.Observe(1000.4, CounterWrap.None); // rounding flicker, not a reset
        Assert.Equal(1000.5, c.Exposed);
        c.Observe(1001.5, CounterWrap.None);
        Assert.Equal(1001.5, c.Exposed);
        Assert.Equal(0, c.Resets);
    }

    [Fact]
    public void ObserveAfterRestart_AnyDrop_IsReset()
    {
        var c = new CounterState();
        c.Observe(4294967000, CounterWrap.Bits32);
        c.ObserveAfterRestart(100); // sysUpTime went backwards: not a wrap even though it would fit one
        Assert.Equal(4294967100, c.Exposed);
        Assert.Equal(1, c.Resets);
        Assert.Equal(0, c.Wraps);
    }
}
