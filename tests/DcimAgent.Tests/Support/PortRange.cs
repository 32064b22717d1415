using System.Net;
using System.Net.Sockets;

namespace DcimAgent.Tests.Support;

/// <summary>
/// A free TCP port inside a fixed range: tests that start real servers (prometheus) stay within the ports
/// this test area owns (19100-19199) so parallel suites of other areas never collide with them.
/// </summary>
public static class PortRange
{
    public static int FreeTcp(int first, int last)
    {
        var start = Random.Shared.Next(first, last + 1);
        for (var n = 0; n <= last - first; n++)
        {
            var port = first + ((start - first + n) % (last - first + 1));
            try
            {
                using var l = new TcpListener(IPAddress.Loopback, port);
                l.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException($"no free TCP port in {first}-{last} on 127.0.0.1");
    }
}
