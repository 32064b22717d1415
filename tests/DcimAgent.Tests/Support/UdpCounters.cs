using System.Globalization;

namespace DcimAgent.Tests.Support;

/// <summary>The host's UDP counters from /proc/net/snmp (Linux).</summary>
public static class UdpCounters
{
    /// <summary>Udp RcvbufErrors: datagrams the kernel dropped because a socket's buffer was full (host-wide).</summary>
    public static long ReceiveBufferErrors()
    {
        var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp:", StringComparison.Ordinal)).ToArray();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(values[Array.IndexOf(names, "RcvbufErrors")], CultureInfo.InvariantCulture);
    }
}
