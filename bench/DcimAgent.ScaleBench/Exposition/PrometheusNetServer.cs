using System.Globalization;
using DcimAgent.Model.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DcimAgent.ScaleBench.Exposition;

/// <summary>
/// The incumbent way: prometheus-net's plain labelled Gauges holding the same series, served by its own
/// ASP.NET Core endpoint (<c>MapMetrics</c>) on the same Kestrel.
/// </summary>
internal static class PrometheusNetServer
{
    public static WebApplication Build(int series, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var registry = Metrics.NewCustomRegistry();
        Fill(Metrics.WithCustomRegistry(registry), series);
        var app = builder.Build();
        app.MapMetrics("/metrics", registry);
        return app;
    }

    public static void Fill(IMetricFactory factory, int series)
    {
        var outletPower = Gauge("dcim_pdu_outlet_power_watts", SyntheticFleet.OutletLabelNames);
        var outletCurrent = Gauge("dcim_pdu_outlet_current_amperes", SyntheticFleet.OutletLabelNames);
        var power = Gauge("dcim_pdu_power_watts", SyntheticFleet.DeviceLabelNames);
        var up = Gauge("dcim_device_up", SyntheticFleet.DeviceLabelNames);
        var written = 0;
        for (var i = 0; written < series; i++)
        {
            var d = SyntheticFleet.Device(i);
            string[] id = [d.Device, d.DeviceClass, .. d.Location.Select(p => p.Value)];
            for (var o = 0; o < SyntheticFleet.OutletsPerDevice && written < series; o++, written++)
            {
                outletPower.WithLabels([.. id, SyntheticFleet.Outlet(o), SyntheticFleet.OutletName(i, o)]).Set(SyntheticFleet.OutletWatts(i, o));
            }

            for (var o = 0; o < SyntheticFleet.OutletsPerDevice && written < series; o++, written++)
            {
                outletCurrent.WithLabels([.. id, SyntheticFleet.Outlet(o), SyntheticFleet.OutletName(i, o)]).Set(SyntheticFleet.OutletAmps(i, o));
            }

            if (written++ < series)
            {
                power.WithLabels(id).Set(4800.5 + i % 900);
            }

            if (written++ < series)
            {
                up.WithLabels(id).Set(1);
            }
        }

        Gauge Gauge(string name, string[] labels) =>
            factory.CreateGauge(name, MetricCatalog.Get(name).Help, labels, new GaugeConfiguration { SuppressInitialValue = true });
    }

    public static string Describe(int series) => series.ToString(CultureInfo.InvariantCulture) + " series via prometheus-net";
}
