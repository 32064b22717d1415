using DcimAgent.Model.Facility;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Facility;

public sealed class FacilityEngineTests
{
    private const long T0 = 1_750_000_000_000;

    private static RoleRollup Role(FacilityTick tick, string role) => tick.Roles.Single(r => r.Role == role);

    private static RackRollup Rack(FacilityTick tick, string rack) => tick.Racks.Single(r => r.Rack == rack);

    [Fact]
    public void Tick_MinuteOfSteadyLoad_SumsRolesRacksAndPue()
    {
        var hall = new FacilityHall();
        var engine = new FacilityEngine(FacilityHall.Plan());
        FacilityTick tick = null!;
        for (var i = 0; i <= 4; i++)
        {
            hall.ReportAll(T0 + (i * 15_000));
            tick = engine.Tick(hall.Store, i * 15_000, T0 + (i * 15_000));
        }

        Assert.Equal(13_000.0, Role(tick, "facility").PowerWatts);
        Assert.Equal(10_000.0, Role(tick, "it").PowerWatts); // pdu-r01-a + pdu-r02-a
        Assert.Equal(2_000.0, Role(tick, "cooling").PowerWatts);
        Assert.Equal(13_000.0 * 60, Role(tick, "facility").EnergyJoules);
        Assert.Equal(10_000.0 * 60, Role(tick, "it").EnergyJoules);
        Assert.Equal(1.3, tick.Pue["hall1"], 12);
        Assert.Equal(6_000.0, Rack(tick, "R01").PowerWatts);
        Assert.Equal(4_000.0, Rack(tick, "R02").PowerWatts); // outlets, not the PDU total as well
        Assert.Equal(800.0, Rack(tick, "R03").PowerWatts);
        Assert.Equal(4_000.0 * 60, Rack(tick, "R02").EnergyJoules);
        Assert.Equal("globex", Rack(tick, "R03").Tenant);
        Assert.Empty(tick.Conflicts);
    }

    [Fact]
    public void Tick_NamedCoolingMeterNeverReports_CoverageShowsItMissing()
    {
        var hall = new FacilityHall();
        var engine = new FacilityEngine(FacilityHall.Plan());
        hall.ReportAll(T0);
        var tick = engine.Tick(hall.Store, 0, T0);

        var cooling = Role(tick, "cooling");
        Assert.Equal(2, cooling.Assigned); // chiller-1 and crah-1
        Assert.Equal(1, cooling.Reporting);
        Assert.Equal(0.5, cooling.Coverage);
        Assert.Equal(1.0, Role(tick, "it").Coverage);
    }

    [Fact]
    public void Tick_MeterSilentBeyondGapLimit_DropsCoverageAndCountsGap()
    {
        var hall = new FacilityHall();
        var engine = new FacilityEngine(FacilityHall.Plan(maxGapIntervals: 2));
        hall.ReportAll(T0);
        engine.Tick(hall.Store, 0, T0);
        // The chiller goes quiet for two minutes while everything else keeps reporting.
        FacilityTick tick = null!;
        for (var i = 1; i <= 8; i++)
        {
            var ms = i * 15_000;
            hall.Power(FacilityHall.Utility, MetricCatalog.PduPower, 13_000, T0 + ms);
            tick = engine.Tick(hall.Store, ms, T0 + ms);
        }

        Assert.Equal(0.0, Role(tick, "cooling").Coverage);
        Assert.True(double.IsNaN(Role(tick, "cooling").PowerWatts));
        hall.Power(FacilityHall.Chiller, MetricCatalog.CoolingPower, 2_000, T0 + 135_000);
        tick = engine.Tick(hall.Store, 135_000, T0 + 135_000);

        Assert.Equal(0.0, Role(tick, "cooling").EnergyJoules);
        Assert.Equal(135.0, Role(tick, "cooling").GapSeconds);
        Assert.Equal(0.5, Role(tick, "cooling").Coverage);
    }

    [Fact]
    public void Tick_DeviceCounterResetAndWrap_AddNoNegativeOrDoubleEnergy()
    {
        var hall = new FacilityHall();
        var engine = new FacilityEngine(FacilityHall.Plan());
        const double near32 = 4_294_967_296d - 50_000;
        double[] raw = [near32 - 100_000, near32, 30_000, 90_000, 10_000, 70_000]; // wrap, then a device reset
        double[] expected = [0, 100_000, 80_000, 60_000, 10_000, 60_000];
        double total = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var ms = i * 15_000L;
            hall.Power(FacilityHall.PduA, MetricCatalog.PduPower, 6_000, T0 + ms);
            hall.Energy(FacilityHall.PduA, raw[i], T0 + ms, CounterWrap.Bits32);
            var tick = engine.Tick(hall.Store, ms, T0 + ms);
            var it = Role(tick, "it").EnergyJoules;
            Assert.Equal(total + expected[i], it);
            total = it;
        }

        Assert.Equal(310_000.0, total);
    }

    [Fact]
    public void Tick_KilledBetweenTwoPolls_RestartContinuesWithoutLossOrDoubleCount()
    {
        var hall = new FacilityHall();
        var plan = FacilityHall.Plan();
        var engine = new FacilityEngine(plan);
        for (var i = 0; i <= 3; i++)
        {
            var ms = i * 15_000L;
            hall.ReportAll(T0 + ms);
            hall.Energy(FacilityHall.PduA, 5_000_000 + (6_000.0 * ms / 1000), T0 + ms);
            engine.Tick(hall.Store, ms, T0 + ms);
        }

        var persisted = LedgerStateCodec.Encode(engine.ExportState(T0 + 45_000));
        // kill -9: engine and store are gone; the process restarts with a new monotonic clock origin.
        hall.NewStore();
        var restarted = new FacilityEngine(plan, LedgerStateCodec.Decode(persisted));
        hall.ReportAll(T0 + 60_000);
        hall.Energy(FacilityHall.PduA, 5_000_000 + (6_000.0 * 60), T0 + 60_000);
        var tick = restarted.Tick(hall.Store, 3, T0 + 60_000);

        // One uninterrupted engine would have counted exactly one minute of each load.
        Assert.Equal(13_000.0 * 60, Role(tick, "facility").EnergyJoules);
        Assert.Equal(10_000.0 * 60, Role(tick, "it").EnergyJoules);
        Assert.Equal(6_000.0 * 60, Rack(tick, "R01").EnergyJoules);
        Assert.Equal(4_000.0 * 60, Rack(tick, "R02").EnergyJoules);
        Assert.Equal(800.0 * 60, Rack(tick, "R03").EnergyJoules);
        Assert.Equal(0.0, Role(tick, "facility").GapSeconds);
    }

    [Fact]
    public void Tick_RestartAfterEarlierDeviceReset_ContinuesFromRawRegister()
    {
        var hall = new FacilityHall();
        var plan = FacilityHall.Plan();
        var engine = new FacilityEngine(plan);
        double[] raw = [800_000, 900_000, 20_000, 50_000]; // reset before the restart: the store's value is ahead of raw
        for (var i = 0; i < raw.Length; i++)
        {
            hall.Energy(FacilityHall.PduA, raw[i], T0 + (i * 15_000));
            engine.Tick(hall.Store, i * 15_000, T0 + (i * 15_000));
        }

        var state = LedgerStateCodec.Decode(LedgerStateCodec.Encode(engine.ExportState(T0 + 45_000)));
        hall.NewStore();
        var restarted = new FacilityEngine(plan, state);
        hall.Energy(FacilityHall.PduA, 80_000, T0 + 60_000);
        var tick = restarted.Tick(hall.Store, 0, T0 + 60_000);

        Assert.Equal(100_000.0 + 20_000 + 30_000 + 30_000, Role(tick, "it").EnergyJoules);
    }

    [Fact]
    public void Publish_CountersWithheld_WritesGaugesOnly()
    {
        var hall = new FacilityHall();
        var engine = new FacilityEngine(FacilityHall.Plan());
        hall.ReportAll(T0);
        var tick = engine.Tick(hall.Store, 0, T0);
        var sink = new SeriesStore();

        engine.Publish(tick, sink, includeCounters: false);

        Assert.Empty(sink.Snapshot(MetricCatalog.SiteEnergy));
        Assert.Empty(sink.Snapshot(MetricCatalog.RackEnergy));
        Assert.True(sink.TryGet(MetricCatalog.SitePueCategory, null, LabelSet.Of(("site", "hall1")), out var category));
        Assert.Equal(2.0, category);
        Assert.True(sink.TryGet(MetricCatalog.SiteMeterCoverage, null, LabelSet.Of(("site", "hall1"), ("role", "cooling")), out var coverage));
        Assert.Equal(0.5, coverage);
    }

    [Fact]
    public void Publish_WithCounters_ExpositionNamesEverySiteAndRackSeries()
    {
        var hall = new FacilityHall();
        var engine = new FacilityEngine(FacilityHall.Plan());
        hall.ReportAll(T0);
        engine.Tick(hall.Store, 0, T0);
        hall.ReportAll(T0 + 15_000);
        var tick = engine.Tick(hall.Store, 15_000, T0 + 15_000);
        var sink = new SeriesStore();

        engine.Publish(tick, sink, includeCounters: true);
        var text = sink.ToExpositionText();

        Assert.Contains("dcim_site_energy_joules_total{site=\"hall1\",role=\"facility\"} 195000\n", text);
        Assert.Contains("dcim_site_pue_ratio{site=\"hall1\"} 1.3\n", text);
        Assert.Contains("dcim_rack_energy_joules_total{site=\"hall1\",room=\"room1\",row=\"row1\",rack=\"R01\",tenant=\"acme\"} 90000\n", text);
        Assert.Contains("dcim_rack_power_watts{site=\"hall1\",room=\"room1\",row=\"row2\",rack=\"R03\",tenant=\"globex\"} 800\n", text);
        Assert.Contains("dcim_site_energy_gap_seconds_total{site=\"hall1\",role=\"it\"} 0\n", text);
    }

    [Fact]
    public void Tick_DeviceInTwoRoles_CountsOnceAndReportsConflict()
    {
        var hall = new FacilityHall();
        var plan = FacilityHall.Plan() with
        {
            RoleMeters = new Dictionary<string, IReadOnlyList<string>> { ["facility"] = ["utility-*"], ["other"] = ["*-main"] },
        };
        var engine = new FacilityEngine(plan);
        hall.ReportAll(T0);

        var tick = engine.Tick(hall.Store, 0, T0);

        Assert.Equal(13_000.0, Role(tick, "facility").PowerWatts);
        Assert.DoesNotContain(tick.Roles, r => r.Role == "other");
        Assert.Equal("device 'utility-main' matches roles 'facility' and 'other'; counted as 'facility' only", Assert.Single(tick.Conflicts));
    }
}
