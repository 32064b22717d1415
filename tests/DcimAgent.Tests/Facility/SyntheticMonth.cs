using System.Globalization;
using System.Text;

namespace DcimAgent.Tests.Facility;

/// <summary>
/// A month of the agent's facility series, every 5 minutes, in OpenMetrics text for <c>promtool tsdb
/// create-blocks-from openmetrics</c>. Energy is the exact integral of analytic power curves, so the expected
/// kWh are known by hand:
/// facility 1.3 MW + 0.1 MW·sin(day), IT 1.0 MW + 0.05 MW·sin(day), cooling 250 kW, other 50 kW;
/// racks R01 (acme) 400 kW, R02 (acme) 350 kW, R03 (globex) 250 kW. R01's counter restarts on day 15 (a lost
/// ledger state) without losing energy; every series has no samples for 3 h on day 10 (Prometheus down).
/// </summary>
internal static class SyntheticMonth
{
    public static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = From.AddDays(31);
    public const int StepSeconds = 300;
    public static readonly DateTimeOffset HoleStart = From.AddDays(10);
    public static readonly DateTimeOffset HoleEnd = HoleStart.AddHours(3);
    private static readonly double ResetAt = TimeSpan.FromDays(15).TotalSeconds;
    private const double Day = 86_400;
    private static readonly double W = 2 * Math.PI / Day;

    public static double FacilityJoules(double t) => (1.3e6 * t) + (1e5 * (1 - Math.Cos(W * t)) / W);

    public static double ItJoules(double t) => (1.0e6 * t) + (5e4 * (1 - Math.Cos(W * t)) / W);

    public static double Seconds => (To - From).TotalSeconds;

    public static string OpenMetrics()
    {
        var sb = new StringBuilder(16 << 20);
        sb.Append("# TYPE dcim_site_energy_joules counter\n");
        Series(sb, "dcim_site_energy_joules_total{role=\"facility\",site=\"hall1\"}", FacilityJoules);
        Series(sb, "dcim_site_energy_joules_total{role=\"it\",site=\"hall1\"}", ItJoules);
        Series(sb, "dcim_site_energy_joules_total{role=\"cooling\",site=\"hall1\"}", t => 2.5e5 * t);
        Series(sb, "dcim_site_energy_joules_total{role=\"other\",site=\"hall1\"}", t => 5e4 * t);
        sb.Append("# TYPE dcim_rack_energy_joules counter\n");
        // After the restart the counter holds the energy since one step before it: nothing lost, and increase()
        // reads the drop as a reset.
        Series(sb, "dcim_rack_energy_joules_total{rack=\"R01\",room=\"room1\",row=\"row1\",site=\"hall1\",tenant=\"acme\"}",
            t => t < ResetAt ? 4e5 * t : 4e5 * (t - ResetAt + StepSeconds));
        Series(sb, "dcim_rack_energy_joules_total{rack=\"R02\",room=\"room1\",row=\"row1\",site=\"hall1\",tenant=\"acme\"}", t => 3.5e5 * t);
        Series(sb, "dcim_rack_energy_joules_total{rack=\"R03\",room=\"room1\",row=\"row2\",site=\"hall1\",tenant=\"globex\"}", t => 2.5e5 * t);
        sb.Append("# TYPE dcim_site_energy_gap_seconds counter\n");
        Series(sb, "dcim_site_energy_gap_seconds_total{role=\"cooling\",site=\"hall1\"}", t => t < 20 * Day ? 0 : 900);
        sb.Append("# TYPE dcim_site_meter_coverage_ratio gauge\n");
        Series(sb, "dcim_site_meter_coverage_ratio{role=\"facility\",site=\"hall1\"}", _ => 1);
        Series(sb, "dcim_site_meter_coverage_ratio{role=\"it\",site=\"hall1\"}", _ => 1);
        Series(sb, "dcim_site_meter_coverage_ratio{role=\"cooling\",site=\"hall1\"}", t => t >= 20 * Day && t < 21 * Day ? 0.5 : 1);
        sb.Append("# TYPE dcim_site_pue_category gauge\n");
        Series(sb, "dcim_site_pue_category{site=\"hall1\"}", _ => 2);
        sb.Append("# EOF\n");
        return sb.ToString();
    }

    private static void Series(StringBuilder sb, string name, Func<double, double> value)
    {
        var start = From.ToUnixTimeSeconds();
        for (long t = 0; t <= (long)Seconds; t += StepSeconds)
        {
            var at = From.AddSeconds(t);
            if (at > HoleStart && at < HoleEnd)
            {
                continue;
            }

            sb.Append(name).Append(' ')
              .Append(value(t).ToString("R", CultureInfo.InvariantCulture)).Append(' ')
              .Append((start + t).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }
}
