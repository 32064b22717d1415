using BenchmarkDotNet.Attributes;
using DcimAgent.Snmp;
using DcimAgent.Snmp.Ber;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Benchmarks;

/// <summary>SNMP codec costs: decode of a 50-varbind response, encode of a GetBulk, v3 authPriv round trip.</summary>
[MemoryDiagnoser]
public class SnmpCodecBenchmarks
{
    private const int VarBinds = 50;
    private byte[] _response = [];
    private BerWriter _writer = null!;
    private SnmpPdu _bulk = null!;
    private UsmUserKeys _keys = null!;
    private byte[] _engineId = [];
    private SnmpPdu _get = null!;

    [GlobalSetup]
    public void Setup()
    {
        var vbs = new VarBind[VarBinds];
        for (var i = 0; i < VarBinds; i++)
        {
            var oid = Oid.Parse("1.3.6.1.2.1.2.2.1").Append([(uint)(10 + (i % 5)), (uint)(i + 1)]);
            vbs[i] = new VarBind(oid, (i % 5) switch
            {
                0 => SnmpValue.Counter32((uint)(i * 123_456)),
                1 => SnmpValue.Counter64((ulong)i * 9_876_543_210),
                2 => SnmpValue.Integer(i),
                3 => SnmpValue.Gauge32(1_000_000_000),
                _ => SnmpValue.OctetString($"eth{i}"),
            });
        }

        _response = SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new SnmpPdu(PduType.Response, 123456, 0, 0, vbs));
        _writer = new BerWriter(4096);
        _bulk = SnmpPdu.GetBulk(42, 0, 25, [Oid.Parse("1.3.6.1.2.1.2.2.1.10"), Oid.Parse("1.3.6.1.2.1.2.2.1.16")]);
        _engineId = UsmAuthoritativeEngine.TextEngineId("bench-engine");
        _keys = new UsmKeyCache().GetKeys(new UsmCredentials("bench", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "bench-auth-pass", PrivProtocol.Aes128, "bench-priv-pass"), _engineId);
        _get = SnmpPdu.Get(7, [Oid.Parse("1.3.6.1.2.1.1.5.0"), Oid.Parse("1.3.6.1.2.1.1.3.0")]);
    }

    [Benchmark(Description = "decode GetResponse, 50 varbinds", OperationsPerInvoke = 1)]
    public int Decode50() => SnmpMessageDecoder.Decode(_response).Pdu!.VarBinds.Count;

    [Benchmark(Description = "encode GetBulk (v2c)")]
    public int EncodeGetBulk()
    {
        _writer.Reset();
        SnmpMessageEncoder.EncodeCommunity(_writer, SnmpVersion.V2c, "public"u8, _bulk);
        return _writer.Length;
    }

    [Benchmark(Description = "v3 authPriv SHA-256/AES encode+verify+decrypt+decode")]
    public int V3RoundTrip()
    {
        var bytes = UsmProcessor.Encode(_writer, _get, 7, 65507, true, _keys, _keys.UserName, _engineId, 1, 100, _engineId, []).ToArray();
        var msg = SnmpMessageDecoder.Decode(bytes);
        if (!UsmProcessor.Authenticate(bytes, msg, _keys))
        {
            throw new InvalidOperationException("auth failed");
        }

        return UsmProcessor.OpenScopedPdu(msg, _keys).Pdu.VarBinds.Count;
    }
}
