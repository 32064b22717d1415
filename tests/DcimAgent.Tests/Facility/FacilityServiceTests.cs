using DcimAgent.Configuration;
using DcimAgent.Facility;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DcimAgent.Tests.Facility;

public sealed class FacilityServiceTests : IDisposable
{
    private static readonly DeviceIdentity Pdu = new("pdu-r01-a", "pdu", new Dictionary<string, string> { ["site"] = "hall1", ["rack"] = "R01" });
    private static readonly LabelSet It = LabelSet.Of(("site", "hall1"), ("role", "it"));
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private AgentConfig Config(string? stateDir = null) => new()
    {
        Agent = new AgentSection { Site = "hall1", StateDir = stateDir ?? _dir.Path },
        Facility = new FacilitySection
        {
            Meters = new() { ["it"] = ["pdu-*"] },
            Racks = [new RackConfig { Rack = "R01", Tenant = "acme", Source = "inputs" }],
        },
    };

    private FacilityService Service(SeriesStore store, AgentConfig? config = null) =>
        new(config ?? Config(), store, _time, NullLogger<FacilityService>.Instance);

    private void Poll(SeriesStore store, double watts)
    {
        Assert.True(store.Write(new Sample(MetricCatalog.PduPower, Pdu, LabelSet.Empty, watts, _time.GetUtcNow().ToUnixTimeMilliseconds())));
    }

    private static double Energy(SeriesStore store) =>
        store.TryGet(MetricCatalog.SiteEnergy, null, It, out var v) ? v : double.NaN;

    [Fact]
    public void TickOnce_KilledAndRestarted_CountersContinueFromTheStateFile()
    {
        var store = new SeriesStore();
        var service = Service(store);
        for (var i = 0; i < 3; i++)
        {
            Poll(store, 2000);
            Assert.True(service.TickOnce());
            _time.Advance(TimeSpan.FromSeconds(15));
        }

        Assert.Equal(60_000.0, Energy(store));
        // kill -9: the service and its store vanish; a new process reads the state file.
        var store2 = new SeriesStore();
        var restarted = Service(store2);
        Poll(store2, 2000);
        Assert.True(restarted.TickOnce());

        Assert.Equal(90_000.0, Energy(store2));
        Assert.True(store2.TryGet(MetricCatalog.RackEnergy, null,
            LabelSet.Of(("site", "hall1"), ("rack", "R01"), ("tenant", "acme")), out var rack));
        Assert.Equal(90_000.0, rack);
    }

    [Fact]
    public void TickOnce_CorruptStateFile_SetAsideAndCountersStartAgain()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "facility-ledger.json"), "{\"version\":1,\"roles\":[");
        var store = new SeriesStore();
        var service = Service(store);
        Poll(store, 1000);

        Assert.True(service.TickOnce());

        Assert.Equal(0.0, Energy(store));
        Assert.Single(Directory.GetFiles(_dir.Path, "facility-ledger.json.corrupt-20250101T000000Z"));
        Assert.True(File.Exists(service.StatePath));
    }

    [Fact]
    public void TickOnce_StateCannotBeSaved_WithholdsEnergyButPublishesPower()
    {
        var blocker = _dir.File("not-a-dir", "x");
        var store = new SeriesStore();
        var service = Service(store, Config(Path.Combine(blocker, "state")));
        Poll(store, 1500);

        Assert.False(service.TickOnce());

        Assert.True(double.IsNaN(Energy(store)));
        Assert.True(store.TryGet(MetricCatalog.SitePower, null, It, out var watts));
        Assert.Equal(1500.0, watts);
    }

    [Fact]
    public void AddFacility_ConfiguredSection_RegistersTheHostedService()
    {
        var services = new ServiceCollection().AddLogging().AddFacility(Config());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<FacilityService>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public void AddFacility_NoMetersOrRacks_RegistersNothing()
    {
        var services = new ServiceCollection().AddFacility(new AgentConfig());

        Assert.Empty(services);
    }

    [Fact]
    public void Create_BadRackSource_NamesThePath()
    {
        var config = Config();
        config.Facility.Racks[0].Source = "busway";

        var ex = Assert.Throws<InvalidOperationException>(() => FacilityPlanFactory.Create(config));

        Assert.Equal("invalid facility config:\n  facility.racks[0].source: 'busway' is not one of outlets, inputs, servers", ex.Message);
    }
}
