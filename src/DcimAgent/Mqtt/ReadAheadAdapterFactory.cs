using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace DcimAgent.Mqtt;

/// <summary>
/// Builds MQTTnet's channel adapter as its default factory does, with a <see cref="ReadAheadChannel"/> between the
/// adapter and the TCP (or TLS) channel. Only TCP options are supported: the agent connects to brokers with
/// <c>mqtt://</c> and <c>mqtts://</c>, never over WebSockets.
/// </summary>
public sealed class ReadAheadAdapterFactory : IMqttClientAdapterFactory
{
    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions)
        {
            throw new NotSupportedException($"channel options {options.ChannelOptions?.GetType().Name ?? "(none)"}: only TCP is supported");
        }

        var channel = new ReadAheadChannel(new MqttTcpChannel(options));
        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(channel, formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
