using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace DcimAgent.Mqtt;

/// <summary>
/// An <see cref="IMqttChannel"/> that hands everything to the channel it wraps; the decorators under MQTTnet's
/// adapter (<see cref="ReadAheadChannel"/>, <see cref="AckBatchingChannel"/>) override only what they change.
/// </summary>
public abstract class MqttChannelDecorator(IMqttChannel inner) : IMqttChannel
{
    protected IMqttChannel Inner { get; } = inner;

    public X509Certificate2 ClientCertificate => Inner.ClientCertificate;

    public EndPoint RemoteEndPoint => Inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => Inner.LocalEndPoint;

    public bool IsSecureConnection => Inner.IsSecureConnection;

    public virtual Task ConnectAsync(CancellationToken cancellationToken) => Inner.ConnectAsync(cancellationToken);

    public virtual Task DisconnectAsync(CancellationToken cancellationToken) => Inner.DisconnectAsync(cancellationToken);

    public virtual Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Inner.ReadAsync(buffer, offset, count, cancellationToken);

    public virtual Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        Inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }
    }
}
