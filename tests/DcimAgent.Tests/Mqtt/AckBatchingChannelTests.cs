using System.Buffers;
using DcimAgent.Mqtt;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Mqtt;

public class AckBatchingChannelTests
{
    private static readonly byte[] PingReq = [0xC0, 0x00];

    [Fact]
    public async Task WriteAsync_PubAcks_HeldUntilFlushThenOneWrite()
    {
        var inner = new InProcessMqttChannel();
        using var channel = new AckBatchingChannel(inner);

        await channel.WriteAsync(PubAck(1), true, CancellationToken.None);
        await channel.WriteAsync(PubAck(2), true, CancellationToken.None);
        await channel.WriteAsync(PubAck(0x0102), true, CancellationToken.None);
        Assert.Empty(inner.Writes);

        await channel.FlushAsync(CancellationToken.None);

        var write = Assert.Single(inner.Writes);
        Assert.Equal([0x40, 2, 0, 1, 0x40, 2, 0, 2, 0x40, 2, 1, 2], write);
        Assert.Equal(3, channel.AcksSent);
        Assert.Equal(1, channel.AckWrites);

        await channel.FlushAsync(CancellationToken.None); // nothing waiting: no write
        Assert.Single(inner.Writes);
    }

    [Fact]
    public async Task WriteAsync_OtherPacket_WaitingAcksGoFirst()
    {
        var inner = new InProcessMqttChannel();
        using var channel = new AckBatchingChannel(inner);

        await channel.WriteAsync(PubAck(7), true, CancellationToken.None);
        await channel.WriteAsync(new ReadOnlySequence<byte>(PingReq), true, CancellationToken.None);

        Assert.Equal(2, inner.Writes.Count);
        Assert.Equal([0x40, 2, 0, 7], inner.Writes[0]);
        Assert.Equal(PingReq, inner.Writes[1]);
    }

    [Fact]
    public async Task WriteAsync_MaxBatchWaiting_SentWithoutFlush()
    {
        var inner = new InProcessMqttChannel();
        using var channel = new AckBatchingChannel(inner);

        for (var id = 1; id <= AckBatchingChannel.MaxBatch + 3; id++)
        {
            await channel.WriteAsync(PubAck(id), true, CancellationToken.None);
        }

        var write = Assert.Single(inner.Writes);
        Assert.Equal(AckBatchingChannel.MaxBatch * 4, write.Length);
        Assert.Equal(AckBatchingChannel.MaxBatch, channel.AcksSent);

        await channel.FlushAsync(CancellationToken.None);
        Assert.Equal(12, inner.Writes[1].Length);
    }

    [Fact]
    public async Task WriteAsync_Mqtt5PubAckWithReasonCode_BatchedWhole()
    {
        var inner = new InProcessMqttChannel();
        using var channel = new AckBatchingChannel(inner);
        byte[] withReason = [0x40, 4, 0, 9, 0x10, 0]; // packet 9, reason 0x10 (no matching subscribers), no properties

        await channel.WriteAsync(new ReadOnlySequence<byte>(withReason), true, CancellationToken.None);
        await channel.FlushAsync(CancellationToken.None);

        Assert.Equal(withReason, Assert.Single(inner.Writes));
    }

    [Fact]
    public async Task WriteAsync_PublishAndPubRec_NeverHeld()
    {
        var inner = new InProcessMqttChannel();
        using var channel = new AckBatchingChannel(inner);
        byte[] pubRec = [0x50, 2, 0, 3];
        byte[] publish = [0x30, 5, 0, 1, (byte)'t', (byte)'x', (byte)'y'];

        await channel.WriteAsync(new ReadOnlySequence<byte>(pubRec), true, CancellationToken.None);
        await channel.WriteAsync(new ReadOnlySequence<byte>(publish), true, CancellationToken.None);

        Assert.Equal([pubRec, publish], inner.Writes);
    }

    [Fact]
    public async Task ConnectAsync_Reconnect_AcksOfTheOldConnectionDropped()
    {
        var inner = new InProcessMqttChannel();
        using var channel = new AckBatchingChannel(inner);
        await channel.WriteAsync(PubAck(1), true, CancellationToken.None);

        await channel.ConnectAsync(CancellationToken.None);
        await channel.FlushAsync(CancellationToken.None);

        Assert.Empty(inner.Writes);
    }

    private static ReadOnlySequence<byte> PubAck(int packetId) =>
        new([0x40, 2, (byte)(packetId >> 8), (byte)packetId]);
}
