using DcimAgent.Snmp;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.Fuzz.Targets;

/// <summary>
/// <c>snmp</c>: the SNMP message decoder (v1/v2c/v3 incl. USM headers). Decode under both option sets; anything
/// decoded must re-encode and decode again. Any exception other than <see cref="SnmpDecodeException"/> escapes and
/// is reported as a crash.
/// </summary>
internal static class SnmpDecoderTarget
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
            // Round trip under the lenient options: a lenient decode may accept what strict decoding refuses.
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

    /// <summary>Seeds: the recorded snmpd/net-snmp messages in tests/fuzz/corpus (our own recordings).</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Seeds(string repoRoot) =>
        Directory.EnumerateFiles(Path.Combine(repoRoot, "tests", "fuzz", "corpus"), "*.bin")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)));
}
