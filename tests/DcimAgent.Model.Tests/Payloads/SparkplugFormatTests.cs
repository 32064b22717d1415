using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads;
using DcimAgent.Model.Payloads.Sparkplug;
using DcimAgent.Model.Tests.Support;
using Google.Protobuf;
using Org.Eclipse.Tahu.Protobuf;
using SpMetric = Org.Eclipse.Tahu.Protobuf.Payload.Types.Metric;

namespace DcimAgent.Model.Tests.Payloads;

public class SparkplugFormatTests
{
    private static string Topic(string type) => $"spBv1.0/Sparkplug B Devices/{type}/Raspberry Pi";

    private static PayloadHarness NewHarness() => new("sparkplug-b", new PayloadMapperOptions
    {
        Rules =
        [
            new MappingRule("Supply Voltage", MetricCatalog.PduPhaseVoltage, labels: new Dictionary<string, string> { ["phase"] = "L1" }),
            new MappingRule("Energy", MetricCatalog.PduEnergy, unit: "kWh"),
            new MappingRule("Running", MetricCatalog.CoolingState, states: new Dictionary<string, string> { ["true"] = "running", ["false"] = "off" }),
        ],
    });

    private static byte[] Encode(ulong seq, params SpMetric[] metrics)
    {
        var p = new Payload { Timestamp = 1486144502122, Seq = seq };
        p.Metrics.AddRange(metrics);
        return p.ToByteArray();
    }

    private static SpMetric Named(string name, ulong alias, DataType type) => new() { Name = name, Alias = alias, Datatype = (uint)type };

    private static byte[] Birth() => Encode(0,
        WithFloat(Named("Supply Voltage", 1, DataType.Float), 12.1f),
        WithDouble(Named("Energy", 2, DataType.Double), 10.5),
        new SpMetric { Name = "bdSeq", Datatype = (uint)DataType.Int64, LongValue = 0 });

    private static SpMetric WithFloat(SpMetric m, float v)
    {
        m.FloatValue = v;
        return m;
    }

    private static SpMetric WithDouble(SpMetric m, double v)
    {
        m.DoubleValue = v;
        return m;
    }

    [Fact]
    public void Map_SpecNdataExampleAsNamedMetric_GivesSupplyVoltage()
    {
        // The spec's NDATA example (fixture README): timestamp 1486144502122, seq 2, "Supply Voltage" Float 12.3.
        var h = NewHarness();
        var ndata = Encode(2, WithFloat(new SpMetric { Name = "Supply Voltage", Timestamp = 1486144502122, Datatype = (uint)DataType.Float }, 12.3f));

        var outcome = h.Run(Topic("NDATA"), ndata);

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(12.3f, (float)h.Value(MetricCatalog.PduPhaseVoltage, "Raspberry Pi", ("phase", "L1")));
    }

    [Fact]
    public void Map_NdataByAliasAfterNbirth_UsesTheBirthAliasTable()
    {
        var h = NewHarness();
        Assert.True(h.Run(Topic("NBIRTH"), Birth()).Accepted);
        Assert.Equal(12.1f, (float)h.Value(MetricCatalog.PduPhaseVoltage, "Raspberry Pi", ("phase", "L1")));

        var outcome = h.Run(Topic("NDATA"), Encode(1,
            new SpMetric { Alias = 1, FloatValue = 12.3f },
            new SpMetric { Alias = 2, DoubleValue = 11.25 }));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(12.3f, (float)h.Value(MetricCatalog.PduPhaseVoltage, "Raspberry Pi", ("phase", "L1")));
        Assert.Equal(40_500_000, h.Value(MetricCatalog.PduEnergy, "Raspberry Pi"));
        Assert.Equal(0, ((SparkplugFormat)h.Mapper).SeqGaps);
    }

    [Fact]
    public void Map_UnknownAlias_RejectsWholeMessage()
    {
        var h = NewHarness();
        h.Run(Topic("NBIRTH"), Birth());

        var outcome = h.Run(Topic("NDATA"), Encode(1, new SpMetric { Alias = 1, FloatValue = 99f }, new SpMetric { Alias = 7, FloatValue = 1f }));

        Assert.False(outcome.Accepted);
        Assert.Equal("NDATA metrics[1]: alias 7 is in no BIRTH of this edge node (rebirth needed)", outcome.Reason);
        Assert.Equal(12.1f, (float)h.Value(MetricCatalog.PduPhaseVoltage, "Raspberry Pi", ("phase", "L1")));
    }

    [Fact]
    public void Map_SeqJumpsAndWraps_CountsMissingNumbers()
    {
        var h = NewHarness();
        h.Run(Topic("NBIRTH"), Birth());
        h.Run(Topic("NDATA"), Encode(1, new SpMetric { Alias = 1, FloatValue = 1f }));
        h.Run(Topic("NDATA"), Encode(5, new SpMetric { Alias = 1, FloatValue = 1f }));   // 2,3,4 missing
        for (ulong s = 6; s <= 255; s++)
        {
            h.Run(Topic("NDATA"), Encode(s, new SpMetric { Alias = 1, FloatValue = 1f }));
        }

        h.Run(Topic("NDATA"), Encode(1, new SpMetric { Alias = 1, FloatValue = 1f }));   // 0 missing at the wrap

        Assert.Equal(4, ((SparkplugFormat)h.Mapper).SeqGaps);
    }

    [Fact]
    public void Map_DbirthDdataThenNdeath_DeviceAndNodeGoDown()
    {
        var h = NewHarness();
        h.Run(Topic("NBIRTH"), Birth());
        var dbirth = Encode(1, new SpMetric { Name = "Running", Alias = 10, Datatype = (uint)DataType.Boolean, BooleanValue = true });
        Assert.True(h.Run(Topic("DBIRTH") + "/chiller1", dbirth).Accepted);
        Assert.True(h.Run(Topic("DDATA") + "/chiller1", Encode(2, new SpMetric { Alias = 10, BooleanValue = false })).Accepted);
        Assert.Equal(1, h.Value(MetricCatalog.CoolingState, "Raspberry Pi/chiller1", ("state", "off")));
        Assert.Equal(1, h.Value(MetricCatalog.DeviceUp, "Raspberry Pi/chiller1"));

        var death = new Payload { Timestamp = 1486144502200 };
        death.Metrics.Add(new SpMetric { Name = "bdSeq", Datatype = (uint)DataType.Int64, LongValue = 0 });
        Assert.True(h.Run(Topic("NDEATH"), death.ToByteArray()).Accepted);

        Assert.Equal(0, h.Value(MetricCatalog.DeviceUp, "Raspberry Pi/chiller1"));
        Assert.Equal(0, h.Value(MetricCatalog.DeviceUp, "Raspberry Pi"));
    }

    [Fact]
    public void Map_SignedInt32InUnsignedField_DecodesTwosComplement()
    {
        var h = new PayloadHarness("sparkplug-b", new PayloadMapperOptions
        {
            Rules = [new MappingRule("Temp", MetricCatalog.SensorTemperature, unit: "dC", labels: new Dictionary<string, string> { ["sensor"] = "t" })],
        });

        var outcome = h.Run(Topic("NDATA"), Encode(0, new SpMetric { Name = "Temp", Datatype = (uint)DataType.Int32, IntValue = unchecked((uint)-55) }));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(-5.5, h.Value(MetricCatalog.SensorTemperature, "Raspberry Pi", ("sensor", "t")));
    }

    [Fact]
    public void Map_SpecJsonRenderingPublishedAsIs_RejectedAsMalformedProtobuf()
    {
        var h = NewHarness();
        var outcome = h.RunFixture("spBv1.0/Sparkplug B Devices/NDATA/Raspberry Pi", "fixtures", "mqtt", "sparkplugb_NDATA_spec-example.json.txt");

        Assert.False(outcome.Accepted);
        Assert.StartsWith("malformed protobuf:", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, h.Store.SeriesCount);
    }

    [Theory]
    [InlineData("spBv2.0/g/NDATA/n", "topic 'spBv2.0/g/NDATA/n' is not in the spBv1.0 namespace")]
    [InlineData("spBv1.0/g/NDATA/n/d", "topic 'spBv1.0/g/NDATA/n/d': NDATA must not have a device_id")]
    [InlineData("spBv1.0/g/DDATA/n", "topic 'spBv1.0/g/DDATA/n': DDATA needs a device_id")]
    [InlineData("spBv1.0/g/XDATA/n", "topic 'spBv1.0/g/XDATA/n': unknown Sparkplug message type 'XDATA'")]
    public void Map_TopicOutsideNamespace_Rejected(string topic, string reason)
    {
        var outcome = NewHarness().Run(topic, Birth());

        Assert.False(outcome.Accepted);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void Map_NdataWithoutSeq_Rejected()
    {
        var p = new Payload { Timestamp = 1 };
        p.Metrics.Add(new SpMetric { Name = "Supply Voltage", FloatValue = 1 });

        var outcome = NewHarness().Run(Topic("NDATA"), p.ToByteArray());

        Assert.Equal("NDATA without a seq 0..255", outcome.Reason);
    }

    [Fact]
    public void Map_TruncatedAndBitFlippedBirth_NeverThrows()
    {
        var birth = Birth();
        var h = NewHarness();
        var rejected = 0;
        for (var len = 0; len < birth.Length; len++)
        {
            rejected += h.Run(Topic("NBIRTH"), birth[..len]).Accepted ? 0 : 1;
        }

        for (var bit = 0; bit < birth.Length * 8; bit++)
        {
            var copy = (byte[])birth.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            rejected += h.Run(Topic("NBIRTH"), copy).Accepted ? 0 : 1;
        }

        Assert.True(rejected > birth.Length / 2, $"only {rejected} of {birth.Length * 9} damaged payloads rejected");
    }

    [Fact]
    public void Proto_CopyInSource_IsTheFixtureByteForByte()
    {
        var copy = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", "DcimAgent.Model", "Payloads", "Sparkplug", "sparkplug_b.proto"));
        var fixture = File.ReadAllBytes(RepoPaths.Fixture("mqtt", "sparkplug_b.proto"));

        Assert.Equal(fixture, copy);
    }
}
