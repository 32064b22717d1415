using System.Buffers;
using MQTTnet.Channel;

namespace DcimAgent.Mqtt;

/// <summary>
/// Gathers the PUBACKs of QoS 1 messages and sends them in one write: MQTTnet writes every acknowledgement as its
/// own packet, a send system call per message that also wakes the broker per message — on a machine whose CPU the
/// agent shares with the broker, half the agent's cost of a QoS 1 message. Acknowledgements are sent when
/// <see cref="FlushAsync"/> is called (the consumer does when it has emptied its queue), when
/// <see cref="MaxBatch"/> are waiting, and before any other packet (PINGREQ, SUBSCRIBE, DISCONNECT), so the
/// order of packets on the wire is kept. Acknowledgements still waiting when the connection drops are lost like
/// any unsent packet: the broker delivers those messages again, which QoS 1 allows and the store absorbs.
/// </summary>
public sealed class AckBatchingChannel(IMqttChannel inner) : MqttChannelDecorator(inner)
{
    /// <summary>Acknowledgements sent in one write at most (the broker's in-flight window is far larger).</summary>
    public const int MaxBatch = 64;

    private const byte PubAck = 0x40; // packet type 4, no flags
    private const int MaxPubAckBytes = 8; // fixed header, packet id, an MQTT 5 reason code and empty properties

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly byte[] _pending = new byte[MaxBatch * MaxPubAckBytes];
    private int _length;
    private int _count;

    /// <summary>Acknowledgements sent so far, and the writes that carried them (tests, benchmarks).</summary>
    public long AcksSent { get; private set; }

    public long AckWrites { get; private set; }

    public override Task ConnectAsync(CancellationToken cancellationToken)
    {
        _length = _count = 0;
        return Inner.ConnectAsync(cancellationToken);
    }

    public override async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (isEndOfPacket && buffer.Length is >= 4 and <= MaxPubAckBytes && buffer.FirstSpan[0] == PubAck)
            {
                buffer.CopyTo(_pending.AsSpan(_length));
                _length += (int)buffer.Length;
                if (++_count == MaxBatch)
                {
                    await SendPendingAsync(cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            await Inner.WriteAsync(buffer, isEndOfPacket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends the acknowledgements waiting, if any.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _lock.Dispose();
        }
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_count == 0)
        {
            return;
        }

        // A copy: the inner channel may still hold the bytes when this returns, and new acknowledgements refill _pending.
        var batch = _pending.AsSpan(0, _length).ToArray();
        var acks = _count;
        _length = _count = 0;
        await Inner.WriteAsync(new ReadOnlySequence<byte>(batch), true, cancellationToken).ConfigureAwait(false);
        AcksSent += acks;
        AckWrites++;
    }
}
