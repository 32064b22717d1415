using MQTTnet.Channel;

namespace DcimAgent.Mqtt;

/// <summary>
/// A read buffer in front of MQTTnet's socket channel. MQTTnet reads every packet in pieces — the fixed header,
/// then the remaining-length bytes, then the body — and each piece was a receive system call of its own: three
/// per message (measured with <c>perf stat</c>: 150,030 recvfrom for 50,000 QoS 0 messages). Here one receive takes
/// whatever the socket holds, up to <see cref="BufferBytes"/>, and the pieces are copied out of it, so a flood costs
/// a system call per few hundred messages instead of three per message.
/// Writes, connect and disconnect pass straight through. Not thread-safe for reads, like the channel it wraps:
/// MQTTnet has one reader per connection.
/// </summary>
public sealed class ReadAheadChannel(IMqttChannel inner) : MqttChannelDecorator(inner)
{
    /// <summary>Enough for a burst of small telemetry messages in one receive; larger reads bypass the buffer.</summary>
    public const int BufferBytes = 64 * 1024;

    // Completed tasks for the read lengths MQTTnet asks for (fixed header 2, length bytes 1, small bodies): a
    // buffered read completes at once, and returning a cached Task<int> keeps it free of allocation.
    private const int CachedResults = 4096;

    private readonly Task<int>?[] _results = new Task<int>?[CachedResults + 1];

    // Its own array, not a pooled one: MQTTnet may dispose the channel while a socket read into the buffer is still
    // completing on another thread, and a pooled array handed back then could be written after someone else got it.
    private byte[]? _buffer;
    private int _start;
    private int _end;

    public override Task ConnectAsync(CancellationToken cancellationToken)
    {
        _start = _end = 0; // a reconnect must not see the last connection's bytes
        return Inner.ConnectAsync(cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_start < _end)
        {
            return Completed(CopyOut(buffer, offset, count));
        }

        // Nothing buffered and a read as large as the buffer: no point copying twice.
        return count >= BufferBytes
            ? Inner.ReadAsync(buffer, offset, count, cancellationToken)
            : FillThenCopyAsync(buffer, offset, count, cancellationToken);
    }

    private async Task<int> FillThenCopyAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _buffer ??= new byte[BufferBytes];
        var read = await Inner.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
        if (read <= 0)
        {
            return read; // the peer closed the connection: MQTTnet sees the 0 it expects
        }

        _start = 0;
        _end = read;
        return CopyOut(buffer, offset, count);
    }

    private int CopyOut(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer!, _start, buffer, offset, n);
        _start += n;
        return n;
    }

    private Task<int> Completed(int n) =>
        n <= CachedResults ? _results[n] ??= Task.FromResult(n) : Task.FromResult(n);
}
