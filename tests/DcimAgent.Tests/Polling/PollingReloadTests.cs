using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Model.Store;
using DcimAgent.Polling;
using DcimAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.Tests.Polling;

/// <summary>A reload keeps unchanged targets running with their series, drops removed ones, starts new ones; shards split targets.</summary>
public sealed class PollingReloadTests
{
    private sealed class RecordingFactory(SnmprecFile recording) : ISnmpQuerierFactory
    {
        public ISnmpQuerier Create(SnmpTargetConfig target, SnmpCredential? credential, SnmpDefaults defaults) => new SnmprecQuerier(recording);
    }

    private static string Config(string dir, int port, params string[] targets) =>
        $"agent: {{ listen: \"127.0.0.1:{port}\", site: lab, state_dir: {dir} }}\n" +
        "snmp:\n  defaults: { interval: 1s }\n  credentials: [ { name: c, version: 2c, community: public } ]\n  targets:\n" +
        string.Concat(targets.Select(t => $"    - {{ name: {t}, address: \"127.0.0.1:1\", credentials: c, labels: {{ rack: R1 }} }}\n"));

    [Fact]
    public async Task Reload_KeepsUnchangedTarget_RemovesDropped_StartsNew()
    {
        using var dir = new TempDir();
        var port = FreePort.Tcp();
        var path = dir.File("agent.yaml", Config(dir.Path, port, "pdu-keep", "pdu-drop"));
        var loaded = ConfigLoader.Load(path);
        Assert.Empty(loaded.Errors);
        var recording = SnmprecFile.Load(RepoPaths.Fixture("snmprec", "apc_ap8959eu3.snmprec"));
        await using var app = AgentHost.Build(loaded.Config, s => s.AddSingleton<ISnmpQuerierFactory>(new RecordingFactory(recording)), TextWriter.Null, path);
        await app.StartAsync();
        try
        {
            var store = app.Services.GetRequiredService<SeriesStore>();
            var polling = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SnmpPollingService>().Single();
            await WaitAsync(() => Up(store, "pdu-keep") && Up(store, "pdu-drop"));
            var keepPower = store.Snapshot(MetricCatalog.PduPower).Single(s => s.Device!.Device == "pdu-keep");

            File.WriteAllText(path, Config(dir.Path, port, "pdu-keep", "pdu-new"));
            Assert.True(await app.Services.GetRequiredService<ConfigReloader>().ReloadAsync());

            await WaitAsync(() => Up(store, "pdu-new") && !store.Snapshot(MetricCatalog.DeviceUp).Any(s => s.Device!.Device == "pdu-drop"));
            Assert.Equal(["pdu-keep", "pdu-new"], polling.RunningTargets.Order().ToArray());
            Assert.DoesNotContain(store.Snapshot(MetricCatalog.PduPower), s => s.Device!.Device == "pdu-drop");

            // The unchanged target's series were never removed: same series, still being refreshed.
            var after = store.Snapshot(MetricCatalog.PduPower).Single(s => s.Device!.Device == "pdu-keep");
            Assert.Equal(keepPower.Value, after.Value);
            Assert.True(after.UpdatedMs >= keepPower.UpdatedMs);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public void Owns_ThreeShards_EachTargetPolledByExactlyOne()
    {
        var names = Enumerable.Range(0, 300).Select(i => $"pdu-{i:000}").ToList();
        var owners = names.ToDictionary(n => n, _ => 0);
        for (var i = 0; i < 3; i++)
        {
            var cfg = new AgentConfig { Agent = new AgentSection { Shard = new ShardSection { Index = i, Count = 3 } } };
            foreach (var n in names.Where(n => SnmpPollingService.Owns(cfg, n)))
            {
                owners[n]++;
            }
        }

        Assert.All(owners.Values, v => Assert.Equal(1, v));
        Assert.True(SnmpPollingService.Owns(new AgentConfig(), "anything"));
    }

    private static bool Up(SeriesStore store, string device) =>
        store.Snapshot(MetricCatalog.DeviceUp).Any(s => s.Device!.Device == device && s.Value == 1);

    private static async Task WaitAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not met within 20 s");
            await Task.Delay(100);
        }
    }
}
