using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DcimAgent.Tests.Polling;

/// <summary>
/// Counter semantics end to end (profile → poller → store → exposition): a Counter32 register that wraps, a
/// device that reboots (sysUpTime goes backwards, counters restart), and energy that never decreases.
/// </summary>
public sealed class CounterTests
{
    private const string Profile = """
        profile: counter-pdu
        device_class: pdu
        match: {sys_object_id: ["1.3.6.1.4.1.99999"]}
        lookups:
          names: 1.3.6.1.4.1.99999.2.1.2
        metrics:
          - {family: dcim_pdu_energy_joules_total, oid: 1.3.6.1.4.1.99999.1.0, unit: Wh}
        tables:
          - walk: 1.3.6.1.4.1.99999.2.1
            metrics:
              - {family: dcim_pdu_outlet_energy_joules_total, column: 3, unit: Wh, labels: {outlet: "{index}", outlet_name: "{lookup:names|index}"}}
        """;

    private static string Recording(uint upTime, uint pduWh, uint outletWh, string name = "web01") => $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1
        1.3.6.1.2.1.1.3.0|67|{upTime}
        1.3.6.1.4.1.99999.1.0|65|{pduWh}
        1.3.6.1.4.1.99999.2.1.2.1|4|{name}
        1.3.6.1.4.1.99999.2.1.3.1|65|{outletWh}
        """;

    private static (DevicePoller Poller, SeriesStore Store, PollTarget Target, ScriptedQuerier Querier, FakeTimeProvider Time) Setup(string first)
    {
        var catalog = ProfileCatalog.FromProfiles([ProfileLoader.Parse(Profile, "counter.yaml")]);
        var store = new SeriesStore();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var querier = new ScriptedQuerier(first);
        var target = new PollTarget("pdu1", "auto", null, new Dictionary<string, string> { ["rack"] = "R1" }, TimeSpan.FromSeconds(30), querier);
        return (new DevicePoller(catalog, store, time, labelRefreshPolls: 20), store, target, querier, time);
    }

    private static double Energy(SeriesStore store, PollTarget t) =>
        store.TryGet(MetricCatalog.PduEnergy, t.Identity, LabelSet.Empty, out var v) ? v : double.NaN;

    [Fact]
    public async Task Counter32Register_Wraps_StoreKeepsCountingUp()
    {
        var (poller, store, target, querier, time) = Setup(Recording(1000, uint.MaxValue - 99, 10));
        await poller.PollOnceAsync(target, CancellationToken.None);
        Assert.Equal((uint.MaxValue - 99) * 3600.0, Energy(store, target));

        // 100 Wh later the 32-bit register has wrapped to 0; uptime kept growing, so this is a wrap.
        querier.Replace(Recording(4000, 0, 10));
        time.Advance(TimeSpan.FromSeconds(30));
        await poller.PollOnceAsync(target, CancellationToken.None);

        Assert.Equal(((double)uint.MaxValue + 1) * 3600.0, Energy(store, target), 1);
    }

    [Fact]
    public async Task DeviceReboot_SysUpTimeBackwards_CounterRestartsWithoutGoingDown_AndLabelsRefresh()
    {
        var (poller, store, target, querier, time) = Setup(Recording(500_000, 1000, 10, "web01"));
        await poller.PollOnceAsync(target, CancellationToken.None);
        querier.Replace(Recording(503_000, 1100, 20, "web01"));
        time.Advance(TimeSpan.FromSeconds(30));
        await poller.PollOnceAsync(target, CancellationToken.None);
        Assert.Equal(1100 * 3600.0, Energy(store, target));

        // Reboot: uptime drops to 12 s, the register restarts from 5 Wh, the outlet was renamed.
        querier.Replace(Recording(1200, 5, 3, "db02"));
        time.Advance(TimeSpan.FromSeconds(30));
        await poller.PollOnceAsync(target, CancellationToken.None);

        Assert.Equal((1100 + 5) * 3600.0, Energy(store, target));
        Assert.True(store.TryGet(MetricCatalog.PduOutletEnergy, target.Identity, LabelSet.Of(("outlet", "1"), ("outlet_name", "db02")), out _));
        Assert.Equal(2, target.Lookups.Refreshes);
    }

    [Fact]
    public async Task Energy_SmallDropWithoutReboot_NeverDecreasesInExposition()
    {
        var (poller, store, target, querier, time) = Setup(Recording(1000, 5000, 10));
        var exposed = new List<double>();
        foreach (var (up, wh) in new[] { (1000u, 5000u), (4000u, 5003u), (7000u, 5002u), (10000u, 5004u) })
        {
            querier.Replace(Recording(up, wh, 10));
            await poller.PollOnceAsync(target, CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(30));
            var line = store.ToExpositionText().Split('\n').Single(l => l.StartsWith("dcim_pdu_energy_joules_total{", StringComparison.Ordinal));
            exposed.Add(double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 1; i < exposed.Count; i++)
        {
            Assert.True(exposed[i] >= exposed[i - 1], $"energy went from {exposed[i - 1]} to {exposed[i]}");
        }

        Assert.Equal(5000 * 3600.0, exposed[0]);
        Assert.True(exposed[3] >= 5004 * 3600.0 - 1e-6, $"last {exposed[3]}");
    }

    [Fact]
    public async Task Poll_LabelsFromConfig_OnEverySeries()
    {
        var (poller, store, target, _, _) = Setup(Recording(1000, 5000, 10));

        await poller.PollOnceAsync(target, CancellationToken.None);

        var series = store.ToExpositionText().Split('\n').Where(l => l.StartsWith("dcim_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(series);
        Assert.All(series, l => Assert.Contains("device=\"pdu1\",device_class=\"pdu\",rack=\"R1\"", l, StringComparison.Ordinal));
    }
}
