using System.Net;
using System.Net.Sockets;

namespace DcimAgent.Snmp.Transport;

/// <summary>One UDP socket (RFC 3417 §2: SNMP over UDP). Binds to <c>0.0.0.0:0</c> unless told otherwise.</summary>
public sealed class UdpTransport : ISnmpTransport, IBlockingDatagramReceiver
{
    private readonly Socket _socket;
    private readonly EndPoint _anyEndPoint;

    public UdpTransport(IPEndPoint? bind = null)
    {
        bind ??= new IPEndPoint(IPAddress.Any, 0);
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = true;
        }

        _anyEndPoint = bind.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        _socket.ReceiveBufferSize = 1 << 20;
        _socket.Bind(bind);
    }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    /// <summary>
    /// Sends synchronously: a UDP send only copies into the kernel's buffer, and an async send would switch the
    /// socket to non-blocking mode for good, which turns <see cref="Receive"/> into an emulated, epoll-driven wait.
    /// </summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_socket.AddressFamily == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork)
        {
            remote = new IPEndPoint(remote.Address.MapToIPv6(), remote.Port);
        }

        _socket.SendTo(datagram.Span, SocketFlags.None, remote);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<SnmpDatagram> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        EndPoint any = _socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            try
            {
                var r = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
                var remote = (IPEndPoint)r.RemoteEndPoint;
                if (remote.Address.IsIPv4MappedToIPv6)
                {
                    remote = new IPEndPoint(remote.Address.MapToIPv4(), remote.Port);
                }

                return new SnmpDatagram(r.ReceivedBytes, remote);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier send, or an oversized datagram: not fatal for the socket.
            }
            catch (ObjectDisposedException)
            {
                throw new OperationCanceledException("transport disposed");
            }
        }
    }

    public SnmpDatagram? Receive(Span<byte> buffer, TimeSpan wait)
    {
        try
        {
            // Poll first: a receive timeout (SO_RCVTIMEO) reports an idle wait as a SocketException, and throwing
            // one every wait cost more CPU than an idle agent's whole SNMP client.
            if (!_socket.Poll((int)Math.Clamp(wait.TotalMicroseconds, 1, int.MaxValue), SelectMode.SelectRead))
            {
                return null;
            }

            // ReceiveFrom only reads the template's address family and hands back a new endpoint in its place.
            var any = _anyEndPoint;
            var n = _socket.ReceiveFrom(buffer, SocketFlags.None, ref any);
            var remote = (IPEndPoint)any;
            if (remote.Address.IsIPv4MappedToIPv6)
            {
                remote = new IPEndPoint(remote.Address.MapToIPv4(), remote.Port);
            }

            return new SnmpDatagram(n, remote);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock
            or SocketError.ConnectionReset or SocketError.MessageSize or SocketError.Interrupted)
        {
            // An ICMP port unreachable from an earlier send, or an oversized datagram.
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Shutdown
            or SocketError.NotSocket)
        {
            throw new OperationCanceledException("transport closed", e);
        }
        catch (ObjectDisposedException e)
        {
            throw new OperationCanceledException("transport disposed", e);
        }
    }

    public void Dispose() => _socket.Dispose();
}
