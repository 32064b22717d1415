using System.Net;

namespace DcimAgent.Snmp.Transport;

/// <summary>A datagram endpoint: the seam between the SNMP engines and UDP (tests plug in fakes).</summary>
public interface ISnmpTransport : IDisposable
{
    EndPoint LocalEndPoint { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken cancellationToken);

    /// <summary>Waits for one datagram; throws <see cref="OperationCanceledException"/> when cancelled or disposed.</summary>
    ValueTask<SnmpDatagram> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
