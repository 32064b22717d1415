using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Fuzz;

/// <summary>
/// One fuzz iteration: decode under both option sets; anything decoded must re-encode and decode again.
/// Any exception other than <see cref="SnmpDecodeException"/> escapes and is reported as a crash.
/// </summary>
internal static class DecoderHarness
{
    public static void Run(ReadOnlySpan<byte> data)
    {
        SnmpMessageDecoder.TryDecode(data, out _, BerDecodeOptions.Strict);
        if (!SnmpMessageDecoder.TryDecode(data, out var message, BerDecodeOptions.Lenient) || message is null)
        {
            return;
        }

        SnmpMessageDecoder.TryPeekId(data, out _, out _);
        if (message.Version != SnmpVersion.V3 && message.CommunityPdu is { } pdu)
        {
            var again = SnmpMessageEncoder.EncodeCommunity(message.Version, message.Community, pdu);
            var round = SnmpMessageDecoder.Decode(again, BerDecodeOptions.Lenient);
            if (round.Pdu!.VarBinds.Count != pdu.VarBinds.Count)
            {
                throw new InvalidOperationException("round trip changed the varbind count");
            }
        }
        else if (message.EncryptedPdu is { } encrypted)
        {
            try
            {
                SnmpMessageDecoder.DecodeScopedPdu(encrypted);
            }
            catch (SnmpDecodeException)
            {
            }
        }
    }
}
