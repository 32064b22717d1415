using System.Globalization;
using DcimAgent.Model.Metrics;

namespace DcimAgent.ScaleBench.Exposition;

/// <summary>
/// A park of switched rack PDUs shaped like the real fixtures: per device 24 outlets × (power, current), the
/// total power and <c>dcim_device_up</c> — 50 series a device, with every identity and location label set, so
/// a line is as long as a real one (~190 bytes). Both exposition servers are filled from this one description.
/// </summary>
internal static class SyntheticFleet
{
    public const int OutletsPerDevice = 24;
    public const int SeriesPerDevice = (2 * OutletsPerDevice) + 2;

    public static readonly string[] OutletLabelNames =
        ["device", "device_class", "site", "room", "row", "rack", "feed", "outlet", "outlet_name"];

    public static readonly string[] DeviceLabelNames = ["device", "device_class", "site", "room", "row", "rack", "feed"];

    public static int DevicesFor(int series) => (series + SeriesPerDevice - 1) / SeriesPerDevice;

    public static DeviceIdentity Device(int i) => new(
        DeviceName(i),
        "pdu",
        new Dictionary<string, string>
        {
            ["site"] = "dalian-dv",
            ["room"] = "hall-" + (i / 4000).ToString(CultureInfo.InvariantCulture),
            ["row"] = "r" + ((i / 40) % 100).ToString("D2", CultureInfo.InvariantCulture),
            ["rack"] = "rk" + ((i / 2) % 20).ToString("D2", CultureInfo.InvariantCulture),
            ["feed"] = i % 2 == 0 ? "A" : "B",
        });

    public static string DeviceName(int i) => "pdu-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static string Outlet(int o) => (o + 1).ToString(CultureInfo.InvariantCulture);

    public static string OutletName(int i, int o) => "srv-" + ((i * OutletsPerDevice) + o).ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Plausible non-integer readings so value formatting costs what it costs on real data.</summary>
    public static double OutletWatts(int i, int o) => 180.0 + (((i * 31) + (o * 7)) % 400) + 0.25;

    public static double OutletAmps(int i, int o) => Math.Round(OutletWatts(i, o) / 230.0, 3);
}
