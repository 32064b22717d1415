using System.Net;
using System.Net.Sockets;

namespace DcimAgent.Snmp.Transport;

/// <summary>One UDP socket (RFC 3417 §2: SNMP over UDP). Binds to <c>0.0.0.0:0</c> unless told otherwise.</summary>
public sealed class UdpTransport : ISnmpTransport
{
    private readonly Socket _socket;

    public UdpTransport(IPEndPoint? bind = null)
    {
        bind ??= new IPEndPoint(IPAddress.Any, 0);
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = true;
        }

        _socket.ReceiveBufferSize = 1 << 20;
        _socket.Bind(bind);
    }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_socket.AddressFamily == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork)
        {
            remote = new IPEndPoint(remote.Address.MapToIPv6(), remote.Port);
        }

        await _socket.SendToAsync(datagram, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
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

    public void Dispose() => _socket.Dispose();
}
