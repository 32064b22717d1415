using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace DcimAgent.Tests.Support;

/// <summary>
/// An in-process <see cref="IMqttChannel"/> for the channel decorators' tests: serves a byte string in reads of at
/// most <c>maxChunk</c> bytes and then 0 (end of stream), and records each write as one array. Both complete
/// asynchronously, as socket operations that waited would.
/// </summary>
internal sealed class InProcessMqttChannel(byte[]? data = null, int maxChunk = int.MaxValue) : IMqttChannel
{
    private byte[] _data = data ?? [];
    private int _position;

    public int Reads { get; private set; }

    public List<byte[]> Writes { get; } = [];

    public X509Certificate2 ClientCertificate => null!;

    public EndPoint RemoteEndPoint => new IPEndPoint(IPAddress.Loopback, 1883);

    public EndPoint LocalEndPoint => new IPEndPoint(IPAddress.Loopback, 50000);

    public bool IsSecureConnection => false;

    /// <summary>What the next connection will serve.</summary>
    public void Reset(byte[] data)
    {
        _data = data;
        _position = 0;
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Reads++;
        var n = Math.Min(Math.Min(count, maxChunk), _data.Length - _position);
        Array.Copy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Writes.Add(buffer.ToArray());
    }

    public void Dispose()
    {
    }
}
