using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads.Json;

namespace DcimAgent.Model.Payloads.DcimJson;

/// <summary>
/// <c>format: dcim-json</c>: the agent's own document (docs/mqtt.md defines it), published by node-mode agents
/// on accelerator hosts and by anything else that can produce it. Values are already in base units and field
/// names are the family names without <c>dcim_accelerator_</c>, so the mapping is fixed and strict: an unknown
/// field, a wrong type or a value a family forbids rejects the whole document.
/// </summary>
public sealed class DcimJsonFormat : PayloadMapper
{
    /// <summary>The only schema this version reads.</summary>
    public const string Schema = "dcim-json/1";

    /// <summary>Board fields that are one number each, and their families.</summary>
    public static readonly FrozenDictionary<string, MetricFamily> BoardScalars = new Dictionary<string, MetricFamily>
    {
        ["temperature_celsius"] = MetricCatalog.AcceleratorTemperature,
        ["memory_temperature_celsius"] = MetricCatalog.AcceleratorMemoryTemperature,
        ["temperature_slowdown_celsius"] = MetricCatalog.AcceleratorTemperatureSlowdown,
        ["power_watts"] = MetricCatalog.AcceleratorPower,
        ["power_limit_watts"] = MetricCatalog.AcceleratorPowerLimit,
        ["energy_joules_total"] = MetricCatalog.AcceleratorEnergy,
        ["utilization_ratio"] = MetricCatalog.AcceleratorUtilization,
        ["memory_used_bytes"] = MetricCatalog.AcceleratorMemoryUsed,
        ["memory_total_bytes"] = MetricCatalog.AcceleratorMemoryTotal,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] InfoFields = ["uuid", "vendor", "model", "serial", "driver"];
    private static readonly string[] Clocks = ["core", "memory"];
    private static readonly string[] EccTypes = ["corrected", "uncorrected"];
    private static readonly string[] DeviceInfoFields = ["vendor", "model", "serial", "firmware"];

    private readonly HashSet<int> _seenBoards = [];

    public DcimJsonFormat(PayloadMapperOptions options)
        : base(options)
    {
    }

    public override string Format => "dcim-json";

    public override string DefaultDeviceClass => "accelerator_host";

    protected override string NothingMappedReason => "the document has no boards and no readings";

    protected override void MapCore(in PayloadMessage message, SampleBatch batch)
    {
        using var doc = ParseJson(message.Payload);
        var root = JsonScalar.RequireObject(doc.RootElement, "(root)");
        if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String
            || !string.Equals(schema.GetString(), Schema, StringComparison.Ordinal))
        {
            throw new PayloadException($"schema: expected \"{Schema}\"");
        }

        string? host = null;
        JsonElement info = default, boards = default, readings = default;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "schema":
                    break;
                case "host":
                    host = p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length > 0
                        ? p.Value.GetString()
                        : throw new PayloadException("host: expected a non-empty string");
                    break;
                case "time_ms":
                    JsonScalar.Number(p.Value, "time_ms");
                    break;
                case "info":
                    info = JsonScalar.RequireObject(p.Value, "info");
                    break;
                case "boards":
                    boards = p.Value.ValueKind == JsonValueKind.Array ? p.Value : throw new PayloadException($"boards: expected an array, got {JsonScalar.Kind(p.Value)}");
                    break;
                case "readings":
                    readings = p.Value.ValueKind == JsonValueKind.Array ? p.Value : throw new PayloadException($"readings: expected an array, got {JsonScalar.Kind(p.Value)}");
                    break;
                default:
                    throw new PayloadException($"unknown field '{p.Name}' (schema {Schema})");
            }
        }

        var device = batch.Device(host, DefaultDeviceClass);
        if (info.ValueKind == JsonValueKind.Object)
        {
            MapDeviceInfo(info, device, batch);
        }

        if (boards.ValueKind == JsonValueKind.Array)
        {
            _seenBoards.Clear();
            var i = 0;
            foreach (var board in boards.EnumerateArray())
            {
                MapBoard(JsonScalar.RequireObject(board, $"boards[{i}]"), $"boards[{i}]", device, batch);
                i++;
            }
        }

        if (readings.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var r in readings.EnumerateArray())
            {
                MapReading(JsonScalar.RequireObject(r, $"readings[{i}]"), $"readings[{i}]", device, batch);
                i++;
            }
        }
    }

    private void MapDeviceInfo(JsonElement info, DeviceIdentity device, SampleBatch batch)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in info.EnumerateObject())
        {
            if (!DeviceInfoFields.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new PayloadException($"info: unknown field '{p.Name}'");
            }

            values[p.Name] = Text(p.Value, "info." + p.Name);
        }

        var labels = LabelSet.Of(
            ("vendor", values.GetValueOrDefault("vendor", string.Empty)),
            ("model", values.GetValueOrDefault("model", string.Empty)),
            ("serial", values.GetValueOrDefault("serial", string.Empty)),
            ("firmware", values.GetValueOrDefault("firmware", string.Empty)),
            ("profile", Format),
            ("protocol", "mqtt"));
        batch.Add(MetricCatalog.DeviceInfo, device, labels, 1, "info");
    }

    private void MapBoard(JsonElement board, string where, DeviceIdentity device, SampleBatch batch)
    {
        if (!board.TryGetProperty("index", out var indexElement) || indexElement.ValueKind != JsonValueKind.Number
            || !indexElement.TryGetInt32(out var index) || index < 0)
        {
            throw new PayloadException($"{where}.index: expected a board index 0, 1, ...");
        }

        if (!_seenBoards.Add(index))
        {
            throw new PayloadException($"{where}.index: board {index} appears twice");
        }

        var idx = index.ToString(CultureInfo.InvariantCulture);
        var labels = LabelSet.Of(("accelerator", idx));
        where = $"{where} (index {idx})";
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in board.EnumerateObject())
        {
            var at = $"{where}.{p.Name}";
            if (p.NameEquals("index"))
            {
                continue;
            }

            if (InfoFields.Contains(p.Name, StringComparer.Ordinal))
            {
                info[p.Name] = Text(p.Value, at);
            }
            else if (BoardScalars.TryGetValue(p.Name, out var family))
            {
                if (JsonScalar.Number(p.Value, at) is { } v)
                {
                    batch.Add(family, device, labels, v, at);
                }
            }
            else if (p.NameEquals("clock_hertz"))
            {
                Keyed(p.Value, at, Clocks, (k, v) => batch.Add(MetricCatalog.AcceleratorClock, device, labels.With("clock", k), v, $"{at}.{k}"));
            }
            else if (p.NameEquals("throttled"))
            {
                Keyed(p.Value, at, MetricCatalog.ThrottleReasons, (k, v) =>
                {
                    if (v is not (0 or 1))
                    {
                        throw new PayloadException($"{at}.{k}: expected true/false");
                    }

                    batch.Add(MetricCatalog.AcceleratorThrottled, device, labels.With("reason", k), v, $"{at}.{k}");
                });
            }
            else if (p.NameEquals("ecc_errors_total"))
            {
                Keyed(p.Value, at, EccTypes, (k, v) => batch.Add(MetricCatalog.AcceleratorEccErrors, device, labels.With("type", k), v, $"{at}.{k}"));
            }
            else if (p.NameEquals("health"))
            {
                if (JsonScalar.State(p.Value, MetricCatalog.AcceleratorHealth, new Dictionary<string, string>(), at) is { } state)
                {
                    batch.AddState(MetricCatalog.AcceleratorHealth, device, labels, state, at);
                }
            }
            else
            {
                throw new PayloadException($"{where}: unknown field '{p.Name}' (schema {Schema})");
            }
        }

        if (info.Count > 0)
        {
            var infoLabels = LabelSet.Of(
                ("accelerator", idx),
                ("uuid", info.GetValueOrDefault("uuid", string.Empty)),
                ("vendor", info.GetValueOrDefault("vendor", string.Empty)),
                ("model", info.GetValueOrDefault("model", string.Empty)),
                ("serial", info.GetValueOrDefault("serial", string.Empty)),
                ("driver", info.GetValueOrDefault("driver", string.Empty)));
            batch.Add(MetricCatalog.AcceleratorInfo, device, infoLabels, 1, where);
        }
    }

    private static void MapReading(JsonElement r, string where, DeviceIdentity device, SampleBatch batch)
    {
        if (!r.TryGetProperty("family", out var f) || f.ValueKind != JsonValueKind.String)
        {
            throw new PayloadException($"{where}.family: expected a family name");
        }

        var name = f.GetString()!;
        if (!MetricCatalog.TryGet(name, out var family) || family.Scope != FamilyScope.Device
            || family == MetricCatalog.DeviceUp || family == MetricCatalog.DeviceLastSuccess)
        {
            throw new PayloadException($"{where}.family: '{name}' is not a device family of the catalogue");
        }

        var labels = LabelSet.Empty;
        double? value = null;
        string? state = null;
        foreach (var p in r.EnumerateObject())
        {
            switch (p.Name)
            {
                case "family":
                    break;
                case "labels":
                    foreach (var l in JsonScalar.RequireObject(p.Value, where + ".labels").EnumerateObject())
                    {
                        if (!family.AllowsLabel(l.Name) || l.NameEquals("state"))
                        {
                            throw new PayloadException($"{where}.labels: {name} has no label '{l.Name}'");
                        }

                        labels = labels.With(l.Name, Text(l.Value, $"{where}.labels.{l.Name}"));
                    }

                    break;
                case "value":
                    value = JsonScalar.Number(p.Value, where + ".value");
                    break;
                case "state":
                    state = Text(p.Value, where + ".state");
                    break;
                default:
                    throw new PayloadException($"{where}: unknown field '{p.Name}'");
            }
        }

        if (family.Type == MetricType.StateSet)
        {
            batch.AddState(family, device, labels, state ?? throw new PayloadException($"{where}: {name} is a state set and needs \"state\""), where);
        }
        else if (value is { } v)
        {
            batch.Add(family, device, labels, v, where);
        }
        else if (state is not null)
        {
            throw new PayloadException($"{where}: {name} is not a state set; give \"value\"");
        }
    }

    private static void Keyed(JsonElement obj, string where, IReadOnlyList<string> keys, Action<string, double> add)
    {
        foreach (var p in JsonScalar.RequireObject(obj, where).EnumerateObject())
        {
            if (!keys.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new PayloadException($"{where}: unknown key '{p.Name}' (one of {string.Join(", ", keys)})");
            }

            if (JsonScalar.Number(p.Value, $"{where}.{p.Name}") is { } v)
            {
                add(p.Name, v);
            }
        }
    }

    private static string Text(JsonElement e, string where) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => e.GetRawText(),
        _ => throw new PayloadException($"{where}: expected a string, got {JsonScalar.Kind(e)}"),
    };
}
