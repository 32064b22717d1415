using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.ScaleBench.Exposition;

/// <summary>The agent's real host (Kestrel, /metrics endpoint, SeriesStore) with the synthetic fleet written into its store.</summary>
internal static class StoreServer
{
    public static WebApplication Build(int series, int port)
    {
        var config = new AgentConfig();
        config.Agent.Listen = "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        config.Agent.LogLevel = "warning";
        var app = AgentHost.Build(config, logOutput: TextWriter.Null);
        Fill(app.Services.GetRequiredService<SeriesStore>(), series);
        return app;
    }

    public static void Fill(SeriesStore store, int series)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var written = 0;
        var outletLabels = new LabelSet[SyntheticFleet.OutletsPerDevice];
        for (var i = 0; written < series; i++)
        {
            var device = SyntheticFleet.Device(i);
            for (var o = 0; o < SyntheticFleet.OutletsPerDevice; o++)
            {
                outletLabels[o] = LabelSet.Of(("outlet", SyntheticFleet.Outlet(o)), ("outlet_name", SyntheticFleet.OutletName(i, o)));
            }

            for (var o = 0; o < SyntheticFleet.OutletsPerDevice && written < series; o++, written++)
            {
                store.Write(new Sample(MetricCatalog.Get("dcim_pdu_outlet_power_watts"), device, outletLabels[o], SyntheticFleet.OutletWatts(i, o), now));
            }

            for (var o = 0; o < SyntheticFleet.OutletsPerDevice && written < series; o++, written++)
            {
                store.Write(new Sample(MetricCatalog.Get("dcim_pdu_outlet_current_amperes"), device, outletLabels[o], SyntheticFleet.OutletAmps(i, o), now));
            }

            if (written++ < series)
            {
                store.Write(new Sample(MetricCatalog.Get("dcim_pdu_power_watts"), device, LabelSet.Empty, 4800.5 + i % 900, now));
            }

            if (written++ < series)
            {
                store.Write(new Sample(MetricCatalog.DeviceUp, device, LabelSet.Empty, 1, now));
            }
        }
    }
}
