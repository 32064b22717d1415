using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Tests.Support;

namespace DcimAgent.Snmp.Tests.Robustness;

/// <summary>
/// Recorded real messages (snmpd/net-snmp exchanges in TestData/*.hex): every truncation and every single-bit
/// flip decodes, returns false, or throws SnmpDecodeException — never anything else.
/// </summary>
public sealed class DecoderRobustnessTests
{
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Hex.Recorded())
        {
            data.Add(name);
        }

        return data;
    }

    private static byte[] Load(string name) => Hex.Parse(File.ReadAllText(Hex.TestData(name + ".hex")).Trim());

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Decode_Recorded_Succeeds(string name)
    {
        var msg = SnmpMessageDecoder.Decode(Load(name), BerDecodeOptions.Strict);
        Assert.True(msg.Pdu is not null || msg.EncryptedPdu is not null, name);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Decode_EveryTruncation_ReturnsFalse(string name)
    {
        var bytes = Load(name);
        for (var n = 0; n < bytes.Length; n++)
        {
            Assert.False(SnmpMessageDecoder.TryDecode(bytes.AsSpan(0, n), out _), $"{name} truncated to {n} decoded");
            Assert.Throws<SnmpDecodeException>(() => SnmpMessageDecoder.Decode(bytes.AsSpan(0, n)));
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Decode_EverySingleBitFlip_DecodesOrFailsCleanly(string name)
    {
        var bytes = Load(name);
        var decoded = 0;
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var copy = (byte[])bytes.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            foreach (var options in new[] { BerDecodeOptions.Strict, BerDecodeOptions.Lenient })
            {
                try
                {
                    if (SnmpMessageDecoder.TryDecode(copy, out var msg, options))
                    {
                        decoded++;
                        if (msg!.EncryptedPdu is { } enc)
                        {
                            try
                            {
                                SnmpMessageDecoder.DecodeScopedPdu(enc);
                            }
                            catch (SnmpDecodeException)
                            {
                            }
                        }
                    }

                    SnmpMessageDecoder.TryPeekId(copy, out _, out _);
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name} bit {bit} ({options}): {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(decoded > 0, "some flips (inside values) should still decode");
    }
}
