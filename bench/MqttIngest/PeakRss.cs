using System.Globalization;

/// <summary>The process's peak resident set (VmHWM in /proc/self/status, Linux), as the kernel tracks it.</summary>
internal static class PeakRss
{
    public static long KiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmHWM line");
    }
}
