using System.Net;
using System.Net.Sockets;

namespace DcimAgent.Tests.Support;

/// <summary>Asks the kernel for a free TCP or UDP port on 127.0.0.1.</summary>
public static class FreePort
{
    public static int Tcp()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static int Udp()
    {
        using var s = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.Client.LocalEndPoint!).Port;
    }
}
