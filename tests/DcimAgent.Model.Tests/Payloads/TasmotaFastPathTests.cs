using System.Globalization;
using System.Text;
using DcimAgent.Model.Payloads;
using DcimAgent.Model.Payloads.Tasmota;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

/// <summary>
/// The one-pass Utf8JsonReader path of the tasmota mapper against its document path: for every payload, the same
/// verdict, the same reason and the same samples in the same order. Which payloads the fast path takes is pinned
/// too, so a change that silently sent everything down the slow path would fail here.
/// </summary>
public class TasmotaFastPathTests
{
    public static TheoryData<string, string, bool> Payloads => new()
    {
        // name, payload (text, or hex: for bytes that are not UTF-8), whether the fast path takes it
        { "sonoff pow r2", Fixture("tasmota_sonoff-pow-r2_tele-SENSOR.json"), true },
        { "status8 reply", Fixture("tasmota_sonoff-pow-r2_stat-STATUS8.json"), false },
        { "teleinfo 1", Fixture("tasmota_teleinfo-denky_tele-SENSOR_1.json"), false },
        { "teleinfo 2", Fixture("tasmota_teleinfo-denky_tele-SENSOR_2.json"), false },
        { "three phases", """{"ENERGY":{"Total":1.5,"Power":[100,200,300],"Voltage":[230,231,229],"Current":[0.5,1,1.5],"Factor":[0.9,0.9,0.9]}}""", true },
        { "array with nulls", """{"ENERGY":{"Power":[null,200,null],"Voltage":[null],"Factor":[0.5]}}""", true },
        { "four phases", """{"ENERGY":{"Power":[1,2,3,4]}}""", false },
        { "fahrenheit after sensor", """{"AM2301":{"Temperature":77.0,"Humidity":43.7},"TempUnit":"F"}""", true },
        { "lower-case f", """{"TempUnit":"f","DS18B20-1":{"Id":"0316","Temperature":50}}""", true },
        { "two sensors and energy", """{"Time":"x","ESP32":{"Temperature":36.1},"SHT3X":{"Temperature":21.5,"Humidity":null},"ENERGY":{"Power":5}}""", true },
        { "same sensor twice", """{"S":{"Temperature":1},"S":{"Temperature":2}}""", true },
        { "sensor without readings only", """{"S":{"Id":"a"}}""", true },
        { "escaped field name", """{"ENERGY":{"\u0050ower":7,"Total":2}}""", false }, // escapes: the document path's
        { "escaped sensor name", """{"A\u00e9":{"Temperature":3}}""", false },
        { "duplicate Power", """{"ENERGY":{"Power":1,"Power":2}}""", false },
        { "duplicate ENERGY", """{"ENERGY":{"Power":1},"ENERGY":{"Power":2}}""", false },
        { "duplicate Temperature", """{"S":{"Temperature":1,"Temperature":2}}""", false },
        { "quoted number", """{"ENERGY":{"Power":"12.5"}}""", false },
        { "boolean", """{"ENERGY":{"Power":true}}""", false },
        { "word", """{"ENERGY":{"Power":"abc"}}""", false },
        { "quoted NaN", """{"ENERGY":{"Power":"NaN"}}""", false },
        { "out of range", """{"ENERGY":{"Power":1e999}}""", false },
        { "ENERGY null", """{"ENERGY":null}""", false },
        { "ENERGY array", """{"ENERGY":[1,2]}""", false },
        { "negative energy", """{"ENERGY":{"Total":-1.0,"Power":5}}""", false },
        { "factor above ratio range", """{"ENERGY":{"Factor":2.0}}""", false },
        { "trailing comma", """{"ENERGY":{"Power":10,}}""", false },
        { "second root value", """{"ENERGY":{"Power":10}} {}""", false },
        { "nothing mapped", """{"Time":"2018-02-15T17:37:10"}""", true },
        { "root array", """[1,2,3]""", false },
        { "empty", "", false },
        { "TempUnit number", """{"TempUnit":1,"S":{"Temperature":1}}""", false },
        { "TempUnit object", """{"TempUnit":{"Temperature":1}}""", false },
        { "temperature object", """{"S":{"Temperature":{"v":1}}}""", false },
        { "nested skipped values", """{"Wifi":{"AP":1,"x":[{"a":[1,{"b":null}]}]},"List":[1,[2]],"ENERGY":{"Today":[1,2,3,4,5],"Power":3}}""", true },
        { "invalid UTF-8 in an unread string", "hex:7b2254696d65223a22ff222c22454e45524759223a7b22506f776572223a317d7d", true },
        { "invalid UTF-8 in a sensor name", "hex:7b22ff223a7b2254656d7065726174757265223a317d7d", false },
        { "invalid UTF-8 in TempUnit", "hex:7b2254656d70556e6974223a22ff227d", false },
        { "StatusSNS", """{"StatusSNS":{"ENERGY":{"Power":9}}}""", false },
        { "deep nesting", new string('[', 40) + new string(']', 40), false },
        { "whitespace around", " \n{\"ENERGY\":{\"Power\":4}}\t\r\n", true },
        { "whitespace everywhere", "{ \"ENERGY\" : { \"Power\" : [ 1 , null , 2 ] } , \"S\" : { \"Temperature\" : 3 } }", true },
        { "exponent", """{"ENERGY":{"Power":1e3}}""", false },
        { "exponent in a skipped value", """{"Wifi":{"RSSI":1E2},"ENERGY":{"Power":1}}""", false },
        { "leading zero", """{"ENERGY":{"Power":01}}""", false },
        { "point without digits", """{"ENERGY":{"Power":1.}}""", false },
        { "minus alone", """{"ENERGY":{"Power":-}}""", false },
        { "raw tab in a string", "{\"Time\":\"a\tb\",\"ENERGY\":{\"Power\":1}}", false },
        { "garbage after the root", """{"ENERGY":{"Power":5}}x""", false },
        { "misspelt literal", """{"A":tru,"ENERGY":{"Power":1}}""", false },
        { "literal run on", """{"A":nullx,"ENERGY":{"Power":1}}""", false },
        { "trailing comma in a skipped array", """{"A":[1,2,],"ENERGY":{"Power":1}}""", false },
        { "trailing comma in a skipped object", """{"A":{"b":1,},"ENERGY":{"Power":1}}""", false },
        { "missing comma", """{"Time":"x" "ENERGY":{"Power":1}}""", false },
        { "unterminated string", """{"Time":"x""", false },
        { "empty ENERGY", """{"ENERGY":{}}""", true },
        { "empty root", """{}""", true },
        { "twenty-digit integer", """{"ENERGY":{"Power":12345678901234567890}}""", true },
        { "sixteen-digit decimal", """{"ENERGY":{"Voltage":230.1234567890123}}""", true },
        { "non-ASCII in an unread string", """{"Time":"héllo ✓","ENERGY":{"Power":1}}""", true },
        { "deep skipped value", """{"A":""" + new string('[', 20) + new string(']', 20) + ""","ENERGY":{"Power":1}}""", false },
        { "skipped values of every kind", """{"a":true,"b":false,"c":null,"d":"s","e":-0.5,"f":[],"g":{},"ENERGY":{"Yesterday":{"x":[true]},"Power":2}}""", true },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Map_FastAndDocumentPath_SameOutcomeAndSamples(string name, string payload, bool fast)
    {
        var bytes = payload.StartsWith("hex:", StringComparison.Ordinal)
            ? Convert.FromHexString(payload.AsSpan(4))
            : Encoding.UTF8.GetBytes(payload);
        var withScan = new TasmotaFormat(new PayloadMapperOptions(), fastPath: true);
        var documentOnly = new TasmotaFormat(new PayloadMapperOptions(), fastPath: false);

        var (fastOutcome, fastSamples) = Run(withScan, bytes);
        var (docOutcome, docSamples) = Run(documentOnly, bytes);

        Assert.Equal(docOutcome.Accepted, fastOutcome.Accepted);
        Assert.Equal(docOutcome.Reason, fastOutcome.Reason);
        Assert.Equal(docOutcome.Samples, fastOutcome.Samples);
        Assert.Equal(docSamples, fastSamples);
        Assert.True(fast == (withScan.FastPathTaken == 1), $"{name}: fast path taken {withScan.FastPathTaken} time(s), expected {(fast ? 1 : 0)}");
        Assert.Equal(0, documentOnly.FastPathTaken);
    }

    /// <summary>
    /// 30,000 random mutations of real and built payloads (bytes replaced by JSON's own punctuation, digits and
    /// letters, deleted, inserted, slices repeated): whatever the fast path takes, the document path must agree with
    /// exactly, and a payload the document path rejects must never be taken.
    /// </summary>
    [Fact]
    public void Map_RandomMutations_FastPathNeverDisagreesWithDocumentPath()
    {
        byte[][] bases =
        [
            Encoding.UTF8.GetBytes(Fixture("tasmota_sonoff-pow-r2_tele-SENSOR.json")),
            Encoding.UTF8.GetBytes("""{"ENERGY":{"Total":1.5,"Power":[100,200,300],"Voltage":[230,231,229],"Current":[0.5,1,1.5],"Factor":0.9}}"""),
            Encoding.UTF8.GetBytes("""{"Time":"x","AM2301":{"Temperature":77.0,"Humidity":43.7},"TempUnit":"F","List":[1,[2,{"a":null}]]}"""),
        ];
        var alphabet = "{}[]\":,.-+0123456789eEtrufalsn \t\r\n\\xF"u8.ToArray();
        var random = new Random(1127);
        var withScan = new TasmotaFormat(new PayloadMapperOptions(), fastPath: true);
        var documentOnly = new TasmotaFormat(new PayloadMapperOptions(), fastPath: false);
        var taken = 0;
        var acceptedByDocument = 0;
        for (var n = 0; n < 30_000; n++)
        {
            var bytes = new List<byte>(bases[n % bases.Length]);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(bytes.Count + 1);
                var b = random.Next(8) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
                switch (random.Next(4))
                {
                    case 0 when at < bytes.Count:
                        bytes[at] = b;
                        break;
                    case 1 when at < bytes.Count:
                        bytes.RemoveAt(at);
                        break;
                    case 2:
                        bytes.Insert(at, b);
                        break;
                    default:
                        var len = Math.Min(random.Next(1, 12), bytes.Count - Math.Min(at, bytes.Count));
                        bytes.InsertRange(at, bytes.GetRange(Math.Min(at, bytes.Count), len));
                        break;
                }
            }

            var payload = bytes.ToArray();
            var before = withScan.FastPathTaken;
            var (fastOutcome, fastSamples) = Run(withScan, payload);
            var (docOutcome, docSamples) = Run(documentOnly, payload);
            var text = Convert.ToHexString(payload);
            Assert.True(docOutcome.Accepted == fastOutcome.Accepted, $"verdicts differ for hex {text}");
            Assert.True(docOutcome.Reason == fastOutcome.Reason, $"reasons differ for hex {text}: {docOutcome.Reason} / {fastOutcome.Reason}");
            Assert.True(docSamples.SequenceEqual(fastSamples), $"samples differ for hex {text}");
            taken += (int)(withScan.FastPathTaken - before);
            acceptedByDocument += docOutcome.Accepted ? 1 : 0;
        }

        // The mutations must exercise both paths, or the comparison proves little.
        Assert.InRange(taken, 3_000, 27_000);
        Assert.InRange(acceptedByDocument, 3_000, 27_000);
    }

    [Fact]
    public void Map_FastPathThreePhases_ValuesInBaseUnitsAndOrder()
    {
        var mapper = new TasmotaFormat(new PayloadMapperOptions(), fastPath: true);

        var (outcome, samples) = Run(mapper, Encoding.UTF8.GetBytes("""{"ENERGY":{"Total":1.5,"Power":[100,200,300],"Factor":0.5}}"""));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(1, mapper.FastPathTaken);
        Assert.Equal(
            [
                "dcim_pdu_energy_joules_total{} dev1 5400000",
                "dcim_pdu_phase_power_watts{phase=\"L1\"} dev1 100",
                "dcim_pdu_phase_power_watts{phase=\"L2\"} dev1 200",
                "dcim_pdu_phase_power_watts{phase=\"L3\"} dev1 300",
                "dcim_pdu_power_watts{} dev1 600",
                "dcim_pdu_power_factor_ratio{} dev1 0.5",
            ],
            samples);
    }

    [Fact]
    public void Map_FastPathRejects_ReasonFromDocumentPathAndBatchEmpty()
    {
        var mapper = new TasmotaFormat(new PayloadMapperOptions(), fastPath: true);

        // Total is read and emitted before Factor fails the ratio check: the half-built batch must not survive.
        var (outcome, samples) = Run(mapper, Encoding.UTF8.GetBytes("""{"ENERGY":{"Total":1,"Factor":3}}"""));

        Assert.False(outcome.Accepted);
        Assert.Equal("ENERGY.Factor: dcim_pdu_power_factor_ratio is a ratio 0..1, got 3", outcome.Reason);
        Assert.Empty(samples);
        Assert.Equal(0, mapper.FastPathTaken);
    }

    private static string Fixture(string file) => File.ReadAllText(RepoPaths.Fixture("mqtt", file));

    private static (PayloadOutcome Outcome, List<string> Samples) Run(TasmotaFormat mapper, byte[] payload)
    {
        var batch = new SampleBatch();
        var outcome = mapper.Map(
            new PayloadMessage("tele/x/SENSOR", PayloadMessage.NoLabels, payload, PayloadHarness.Now),
            new DeviceDirectory(fallbackDevice: "dev1"),
            batch);
        var samples = batch.Samples
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Family.Name}{{{s.Labels}}} {s.Device?.Device} {s.Value:R}"))
            .ToList();
        return (outcome, samples);
    }
}
