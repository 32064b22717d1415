using System.Net;
using System.Threading.Channels;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Transport;

namespace DcimAgent.Snmp.Tests.Support;

/// <summary>An <see cref="ISnmpTransport"/> fake whose "agent" answers GetNext out of order: .1 → .3 → .2 → .3 …</summary>
internal sealed class LoopingTransportAgent : ISnmpTransport
{
    public static readonly IPEndPoint Remote = new(IPAddress.Parse("192.0.2.1"), 161);
    private readonly Channel<byte[]> _replies = Channel.CreateUnbounded<byte[]>();

    public EndPoint LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 1);

    public ValueTask SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var msg = SnmpMessageDecoder.Decode(datagram.Span);
        var pdu = msg.Pdu!;
        var asked = pdu.VarBinds[0].Oid;
        var last = asked.Arcs[^1];
        var next = asked.Length == 7 ? 1u : last switch { 1 => 3u, 3 => 2u, _ => 3u };
        var reply = new SnmpPdu(PduType.Response, pdu.RequestId, 0, 0, [new VarBind(Oid.Parse("1.3.6.1.4.1.99").Append(next), SnmpValue.Integer((int)next))]);
        _replies.Writer.TryWrite(SnmpMessageEncoder.EncodeCommunity(msg.Version, msg.Community, reply));
        return ValueTask.CompletedTask;
    }

    public async ValueTask<SnmpDatagram> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var bytes = await _replies.Reader.ReadAsync(cancellationToken);
        bytes.CopyTo(buffer);
        return new SnmpDatagram(bytes.Length, Remote);
    }

    public void Dispose() => _replies.Writer.TryComplete();
}
