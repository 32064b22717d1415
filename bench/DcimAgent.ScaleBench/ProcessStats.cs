using System.Diagnostics;

namespace DcimAgent.ScaleBench;

/// <summary>Resident memory and CPU time of this process, as the kernel reports them.</summary>
internal static class ProcessStats
{
    /// <summary>VmRSS and VmHWM (peak) from /proc/self/status, in MiB.</summary>
    public static (double RssMiB, double PeakMiB) Memory()
    {
        double rss = 0, hwm = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiB(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = KiB(line) / 1024.0;
            }
        }

        return (rss, hwm);
    }

    public static TimeSpan Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
