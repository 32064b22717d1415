using DcimAgent.Mqtt;
using DcimAgent.Tests.Support;
using MQTTnet.Channel;

namespace DcimAgent.Tests.Mqtt;

public class ReadAheadChannelTests
{
    [Fact]
    public async Task ReadAsync_SmallPieces_SameBytesFromOneInnerRead()
    {
        var stream = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        var inner = new InProcessMqttChannel(stream, maxChunk: int.MaxValue);
        using var channel = new ReadAheadChannel(inner);

        var got = await ReadAllAsync(channel, [2, 1, 250, 2, 1, 250, 4000]);

        Assert.Equal(stream, got);
        Assert.Equal(2, inner.Reads); // one fill of 3,000 bytes, then the 0 of end of stream
    }

    [Fact]
    public async Task ReadAsync_InnerReturnsFragments_PiecesSpanThemInOrder()
    {
        var stream = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();
        var inner = new InProcessMqttChannel(stream, maxChunk: 97);
        using var channel = new ReadAheadChannel(inner);

        var got = await ReadAllAsync(channel, [2, 1, 300, 5, 1, 1, 64]);

        Assert.Equal(stream, got);
    }

    [Fact]
    public async Task ReadAsync_PeerClosed_ZeroAsMqttnetExpects()
    {
        var inner = new InProcessMqttChannel([1, 2, 3], maxChunk: 10);
        using var channel = new ReadAheadChannel(inner);
        var buffer = new byte[8];

        Assert.Equal(2, await channel.ReadAsync(buffer, 0, 2, CancellationToken.None));
        Assert.Equal(1, await channel.ReadAsync(buffer, 2, 6, CancellationToken.None));
        Assert.Equal(0, await channel.ReadAsync(buffer, 0, 8, CancellationToken.None));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
    }

    [Fact]
    public async Task ConnectAsync_AfterReconnect_NoBytesOfTheOldConnection()
    {
        var inner = new InProcessMqttChannel([9, 9, 9, 9], maxChunk: 10);
        using var channel = new ReadAheadChannel(inner);
        var buffer = new byte[4];
        Assert.Equal(1, await channel.ReadAsync(buffer, 0, 1, CancellationToken.None)); // three 9s stay buffered

        inner.Reset([5, 6]);
        await channel.ConnectAsync(CancellationToken.None);

        Assert.Equal(2, await channel.ReadAsync(buffer, 0, 4, CancellationToken.None));
        Assert.Equal(new byte[] { 5, 6 }, buffer[..2]);
    }

    [Fact]
    public async Task ReadAsync_LargeReadWithEmptyBuffer_GoesStraightToTheSocket()
    {
        var stream = new byte[ReadAheadChannel.BufferBytes + 10];
        stream[^1] = 42;
        var inner = new InProcessMqttChannel(stream, maxChunk: int.MaxValue);
        using var channel = new ReadAheadChannel(inner);
        var buffer = new byte[stream.Length];

        var n = await channel.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None);

        Assert.Equal(stream.Length, n);
        Assert.Equal(42, buffer[^1]);
        Assert.Equal(1, inner.Reads);
    }

    private static async Task<byte[]> ReadAllAsync(IMqttChannel channel, int[] pattern)
    {
        var output = new List<byte>();
        var buffer = new byte[8192];
        for (var i = 0; ; i++)
        {
            var want = pattern[i % pattern.Length];
            var n = await channel.ReadAsync(buffer, 100, want, CancellationToken.None); // at an offset, as MQTTnet may
            if (n == 0)
            {
                return [.. output];
            }

            Assert.InRange(n, 1, want);
            output.AddRange(buffer.AsSpan(100, n).ToArray());
        }
    }
}
