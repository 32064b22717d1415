using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads;
using DcimAgent.Model.Store;
using DcimAgent.Mqtt;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent probe</c>: runs payload files through the same subscription code as live MQTT messages and prints
/// the device families they produce (Prometheus text). Exit 0 when every payload is accepted, 1 with the reason
/// when one is rejected, 2 for bad arguments.
/// </summary>
public static class PayloadProbe
{
    public const string Usage =
        "usage: dcim-agent probe --input FILE [--input FILE ...] --format FORMAT [--topic TOPIC] [--device NAME]\n" +
        "                        [--device-class CLASS] [--map PATH=FAMILY[@UNIT] ...] [--family FAMILY [--unit UNIT]]\n" +
        "  FORMAT: json, value, tasmota, shelly, sparkplug-b, dcim-json\n" +
        "  --input is repeatable: payloads run in order through one subscription (a Sparkplug NBIRTH, then NDATA).\n" +
        "  --topic: the topic the payload arrived on (sparkplug-b needs spBv1.0/GROUP/TYPE/NODE[/DEVICE]; shelly\n" +
        "           reads switch:N from it). --device names the device when neither topic nor payload does (default: probe).\n" +
        "  --map: a json mapping rule (e.g. --map ENERGY.Total=dcim_pdu_energy_joules_total@kWh), also Sparkplug metric names.\n" +
        "  --family/--unit: the family and unit of a value payload.";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var inputs = new List<string>();
        var mappings = new List<JsonMappingConfig>();
        string? format = null, topic = null, device = null, deviceClass = null, family = null, unit = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "-h" or "--help")
            {
                await stdout.WriteLineAsync(Usage);
                return 0;
            }

            if (i + 1 >= args.Length || !a.StartsWith("--", StringComparison.Ordinal))
            {
                return await FailUsage(stderr, $"probe: unexpected argument '{a}'");
            }

            var v = args[++i];
            switch (a)
            {
                case "--input": inputs.Add(v); break;
                case "--format": format = v; break;
                case "--topic": topic = v; break;
                case "--device": device = v; break;
                case "--device-class": deviceClass = v; break;
                case "--family": family = v; break;
                case "--unit": unit = v; break;
                case "--map":
                    var eq = v.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        return await FailUsage(stderr, $"probe: --map '{v}' is not PATH=FAMILY[@UNIT]");
                    }

                    var target = v[(eq + 1)..];
                    var at = target.IndexOf('@', StringComparison.Ordinal);
                    mappings.Add(new JsonMappingConfig
                    {
                        Path = v[..eq],
                        Family = at < 0 ? target : target[..at],
                        Unit = at < 0 ? null : target[(at + 1)..],
                    });
                    break;
                default:
                    return await FailUsage(stderr, $"probe: unknown option '{a}'");
            }
        }

        if (inputs.Count == 0 || format is null)
        {
            return await FailUsage(stderr, "probe: --input and --format are required");
        }

        if (!PayloadFormats.IsKnown(format))
        {
            return await FailUsage(stderr, $"probe: unknown format '{format}' (one of {string.Join(", ", PayloadFormats.Names)})");
        }

        if (format == "sparkplug-b" && topic is null)
        {
            return await FailUsage(stderr, "probe: sparkplug-b needs --topic spBv1.0/GROUP/TYPE/NODE[/DEVICE]");
        }

        var config = new MqttSubscriptionConfig
        {
            Name = "probe",
            Broker = "probe",
            Topic = "#",
            Format = format,
            Device = device,
            DeviceClass = deviceClass,
            Family = family,
            Unit = unit,
            Mappings = mappings,
            MaxPayloadBytes = 16 * 1024 * 1024,
        };

        MqttSubscription subscription;
        try
        {
            subscription = new MqttSubscription(config, 0, site: null, startMs: 0, fallbackDevice: "probe");
        }
        catch (ArgumentException e)
        {
            return await FailUsage(stderr, "probe: " + e.Message.Replace("mqtt.subscriptions[0]", "probe", StringComparison.Ordinal));
        }

        var store = new SeriesStore();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var input in inputs)
        {
            byte[] payload;
            try
            {
                payload = await File.ReadAllBytesAsync(input, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"probe: cannot read {input}: {e.Message}");
                return 2;
            }

            var outcome = subscription.Process(topic ?? "probe", payload, now, store);
            if (!outcome.Accepted)
            {
                await stderr.WriteLineAsync($"probe: {input}: rejected: {outcome.Reason}");
                return 1;
            }
        }

        await stdout.WriteAsync(store.ToExpositionText(include: f =>
            f.Scope == FamilyScope.Device && f != MetricCatalog.DeviceLastSuccess));
        return 0;
    }

    private static async Task<int> FailUsage(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync(message);
        await stderr.WriteLineAsync(Usage);
        return 2;
    }
}
