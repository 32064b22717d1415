using System.Globalization;

/// <summary>
/// CPU time of each thread of this process from /proc/self/task (Linux), busiest first: shows whether the
/// consumer, MQTTnet's socket reader or the GC is the thread that saturates under a flood.
/// </summary>
internal static class ThreadCpu
{
    public static void Print(TextWriter to, int top)
    {
        var rows = new List<(string Name, int Id, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // Fields after the name: state is [0], utime [11], stime [12] (clock ticks).
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                rows.Add((name, int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture), ticks));
            }
            catch (IOException)
            {
                // The thread ended while we read it.
            }
        }

        foreach (var r in rows.OrderByDescending(r => r.Ticks).Take(top))
        {
            to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  thread {r.Id,7} {r.Name,-16} cpu {r.Ticks * 10} ms"));
        }
    }
}
