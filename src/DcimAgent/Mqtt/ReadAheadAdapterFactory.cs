using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace DcimAgent.Mqtt;

/// <summary>
/// Builds MQTTnet's channel adapter as its default factory does, with a <see cref="ReadAheadChannel"/> (reads) and
/// an <see cref="AckBatchingChannel"/> (acknowledgements) between the adapter and the TCP (or TLS) channel. Only
/// TCP options are supported: the agent connects to brokers with <c>mqtt://</c> and <c>mqtts://</c>, never over
/// WebSockets. One factory per broker connection: <see cref="Acks"/> is the channel of its latest connection.
/// </summary>
public sealed class ReadAheadAdapterFactory : IMqttClientAdapterFactory
{
    private AckBatchingChannel? _acks;

    /// <summary>The acknowledgement batcher of the latest connection (null before the first).</summary>
    public AckBatchingChannel? Acks => Volatile.Read(ref _acks);

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions)
        {
            throw new NotSupportedException($"channel options {options.ChannelOptions?.GetType().Name ?? "(none)"}: only TCP is supported");
        }

        var acks = new AckBatchingChannel(new MqttTcpChannel(options));
        var channel = new ReadAheadChannel(acks);
        Volatile.Write(ref _acks, acks);
        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(channel, formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
