using System.Text;
using DcimAgent.Configuration;
using DcimAgent.Model.Accelerators;
using DcimAgent.Mqtt;
using Google.Protobuf;

namespace DcimAgent.Fuzz.Targets;

/// <summary>
/// <c>mqtt-FORMAT</c>: one MQTT message through <see cref="MqttSubscription.Process"/> (topic template, payload
/// mapper, batch commit) for one payload format. Input: the topic, a newline, the payload bytes (no newline: the
/// whole input is the payload on the format's default topic). Process must never throw: every bad payload is a
/// rejected outcome with a reason.
/// </summary>
internal sealed class MqttPayloadTarget
{
    private readonly MqttSubscriptionConfig _config;
    private readonly string _defaultTopic;

    private MqttPayloadTarget(MqttSubscriptionConfig config, string defaultTopic)
    {
        _config = config;
        _defaultTopic = defaultTopic;
    }

    public static MqttPayloadTarget Create(string format) => format switch
    {
        "json" => new(new MqttSubscriptionConfig
        {
            Name = "fuzz-json",
            Topic = "homeassistant/sensor/{device}/state",
            Format = "json",
            Mappings =
            [
                new JsonMappingConfig { Path = "temperature", Family = "dcim_sensor_temperature_celsius", Unit = "°C", Labels = new() { ["sensor"] = "room" } },
                new JsonMappingConfig { Path = "humidity", Family = "dcim_sensor_humidity_ratio", Unit = "%", Labels = new() { ["sensor"] = "room" } },
                new JsonMappingConfig { Path = "gpus[*].power_mw", Family = "dcim_accelerator_power_watts", Unit = "mW", IndexLabel = "accelerator" },
                new JsonMappingConfig { Path = "ENERGY.Power", Family = "dcim_pdu_power_watts", Scale = 0.5 },
            ],
        }, "homeassistant/sensor/dev1/state"),
        "value" => new(new MqttSubscriptionConfig
        {
            Name = "fuzz-value", Topic = "m/{device}/{sensor}", Format = "value", Family = "dcim_sensor_temperature_celsius", Unit = "degF",
        }, "m/dev1/inlet"),
        "tasmota" => new(new MqttSubscriptionConfig { Name = "fuzz-tasmota", Topic = "+/{device}/+", Format = "tasmota" }, "tele/pow1/SENSOR"),
        "shelly" => new(new MqttSubscriptionConfig { Name = "fuzz-shelly", Topic = "{device}/+/+", Format = "shelly" }, "shelly1/status/switch:0"),
        "sparkplug-b" => new(new MqttSubscriptionConfig
        {
            Name = "fuzz-sparkplug",
            Topic = "spBv1.0/#",
            Format = "sparkplug-b",
            Mappings = [new JsonMappingConfig { Path = "Supply Voltage", Family = "dcim_pdu_phase_voltage_volts", Labels = new() { ["phase"] = "L1" } }],
        }, "spBv1.0/Sparkplug B Devices/NDATA/Raspberry Pi"),
        "dcim-json" => new(new MqttSubscriptionConfig { Name = "fuzz-dcim-json", Topic = "dcim/{site}/{device}/accelerators", Format = "dcim-json" }, "dcim/s1/gpu-node-1/accelerators"),
        _ => throw new ArgumentException($"no MQTT payload format '{format}'", nameof(format)),
    };

    public void Run(ReadOnlySpan<byte> data)
    {
        var topic = _defaultTopic;
        var payload = data;
        var nl = data.IndexOf((byte)'\n');
        if (nl >= 0 && nl < 256)
        {
            topic = Encoding.UTF8.GetString(data[..nl]);
            payload = data[(nl + 1)..];
        }

        // A fresh subscription per input keeps iterations independent (AFL stability) and memory flat.
        var sub = new MqttSubscription(_config, 0, "fuzz-site", 0);
        var outcome = sub.Process(topic, payload.ToArray(), 1_000, new DiscardingSink());
        if (!outcome.Accepted && string.IsNullOrEmpty(outcome.Reason))
        {
            throw new InvalidOperationException("a rejected message must say why");
        }
    }

    /// <summary>Seeds from tests/fixtures/mqtt plus payloads built here.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Seeds(string repoRoot)
    {
        var mqtt = Path.Combine(repoRoot, "tests", "fixtures", "mqtt");
        var format = _config.Format;
        var files = format switch
        {
            "tasmota" => Directory.GetFiles(mqtt, "tasmota_*"),
            "shelly" => Directory.GetFiles(mqtt, "shelly-*"),
            "json" => [.. Directory.GetFiles(mqtt, "tasmota_*"), Path.Combine(mqtt, "sparkplugb_NDATA_spec-example.json.txt")],
            _ => [],
        };
        foreach (var f in files.Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(f), Framed(_defaultTopic, File.ReadAllBytes(f)));
        }

        switch (format)
        {
            case "json":
                yield return ("ha-state.json", Framed(_defaultTopic, """{ "temperature": 23.20, "humidity": 43.70 }"""u8.ToArray()));
                yield return ("gpus.json", Framed(_defaultTopic, """{"gpus":[{"power_mw":111944},{"power_mw":"699000"}]}"""u8.ToArray()));
                break;
            case "value":
                yield return ("number.txt", Framed(_defaultTopic, "71.6"u8.ToArray()));
                yield return ("exp.txt", Framed(_defaultTopic, "-4.5e1"u8.ToArray()));
                break;
            case "shelly":
                yield return ("rpc.json", Framed("shelly1/events/rpc", """{"src":"shelly1","method":"NotifyStatus","params":{"ts":1632600459.5,"switch:0":{"apower":5.12}}}"""u8.ToArray()));
                break;
            case "sparkplug-b":
                yield return ("nbirth.pb", Framed("spBv1.0/Sparkplug B Devices/NBIRTH/Raspberry Pi", Sparkplug(0, withDatatype: true)));
                yield return ("ndata.pb", Framed(_defaultTopic, Sparkplug(2, withDatatype: false)));
                yield return ("state.txt", Framed("spBv1.0/STATE/scada1", """{"online":true,"timestamp":1486144502122}"""u8.ToArray()));
                break;
            case "dcim-json":
                var xml = File.ReadAllText(Path.Combine(repoRoot, "..", "shared", "fixtures", "accelerators", "nvidia-h100", "nvidia-smi-q-load.xml"));
                var boards = NvidiaSmiXmlParser.Parse(xml);
                yield return ("h100.json", Framed(_defaultTopic, DcimJsonDocument.From("gpu-node-1", 1_795_756_164_000, boards).ToUtf8()));
                break;
        }
    }

    private static byte[] Framed(string topic, byte[] payload) => [.. Encoding.UTF8.GetBytes(topic), (byte)'\n', .. payload];

    /// <summary>Sparkplug B Payload (fields from sparkplug_b.proto): timestamp=1, metrics=2, seq=3; Metric name=1, datatype=4, float_value=12.</summary>
    private static byte[] Sparkplug(ulong seq, bool withDatatype)
    {
        using var metric = new MemoryStream();
        var m = new CodedOutputStream(metric);
        m.WriteTag(1, WireFormat.WireType.LengthDelimited);
        m.WriteString("Supply Voltage");
        if (withDatatype)
        {
            m.WriteTag(4, WireFormat.WireType.Varint);
            m.WriteUInt32(9);
        }

        m.WriteTag(12, WireFormat.WireType.Fixed32);
        m.WriteFloat(12.3f);
        m.Flush();

        using var payload = new MemoryStream();
        var p = new CodedOutputStream(payload);
        p.WriteTag(1, WireFormat.WireType.Varint);
        p.WriteUInt64(1_486_144_502_122);
        p.WriteTag(2, WireFormat.WireType.LengthDelimited);
        p.WriteBytes(ByteString.CopyFrom(metric.ToArray()));
        p.WriteTag(3, WireFormat.WireType.Varint);
        p.WriteUInt64(seq);
        p.Flush();
        return payload.ToArray();
    }
}
