using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DcimAgent.ScaleBench.Traps;

/// <summary>
/// <c>trap-blast --to PORT[,PORT...] --rate R --seconds S</c>: sends the same pre-encoded v2c trap stream to every
/// listed 127.0.0.1 port, datagram by datagram (each trap goes to all receivers back to back, so they see the
/// same stream at the same time). R traps/s per receiver, paced per millisecond; R = 0 sends as fast as it can.
/// Prints how many each receiver was sent and the achieved rate.
/// </summary>
internal static class TrapBlastCommand
{
    public static int Run(Args args)
    {
        var ports = args.Get("to", "19401").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536
                ? n
                : throw new ArgumentException($"--to: '{p}' is not a UDP port"))
            .ToArray();
        var rate = args.GetDouble("rate", 0);
        var seconds = args.GetDouble("seconds", 5);
        var datagrams = TrapDatagrams.Build(1024, args.Get("community", "public"));
        var targets = ports.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        long sent = 0;
        long sendErrors = 0;
        var sw = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        while (sw.Elapsed < end)
        {
            var due = rate > 0 ? (long)(sw.Elapsed.TotalSeconds * rate) : sent + 256;
            if (sent >= due)
            {
                Thread.Sleep(1);
                continue;
            }

            for (; sent < due; sent++)
            {
                var dg = datagrams[sent % datagrams.Length];
                foreach (var t in targets)
                {
                    try
                    {
                        socket.SendTo(dg, t);
                    }
                    catch (SocketException)
                    {
                        // ECONNREFUSED from an earlier ICMP port-unreachable, or ENOBUFS: counted, not fatal.
                        sendErrors++;
                    }
                }
            }
        }

        var elapsed = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sent per_receiver={sent} receivers={targets.Length} seconds={elapsed:F2} rate_per_receiver={sent / elapsed:F0} send_errors={sendErrors} bytes_per_trap={datagrams[0].Length}"));
        return 0;
    }
}
