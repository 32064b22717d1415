using System.Collections.Frozen;
using DcimAgent.Model.Payloads.DcimJson;
using DcimAgent.Model.Payloads.Json;
using DcimAgent.Model.Payloads.Shelly;
using DcimAgent.Model.Payloads.Sparkplug;
using DcimAgent.Model.Payloads.Tasmota;

namespace DcimAgent.Model.Payloads;

/// <summary>
/// The payload formats by their <c>format:</c> name. Adding a format is one line here (a new mapper class plus its
/// factory); the MQTT subscriptions and the <c>probe</c> verb both look formats up in this table only.
/// </summary>
public static class PayloadFormats
{
    private static readonly FrozenDictionary<string, Func<PayloadMapperOptions, PayloadMapper>> Table =
        new Dictionary<string, Func<PayloadMapperOptions, PayloadMapper>>
        {
            ["json"] = o => new JsonMappingFormat(o),
            ["value"] = o => new ValueFormat(o),
            ["tasmota"] = o => new TasmotaFormat(o),
            ["shelly"] = o => new ShellyFormat(o),
            ["sparkplug-b"] = o => new SparkplugFormat(o),
            ["dcim-json"] = o => new DcimJsonFormat(o),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every known format name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Keys.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string format) => Table.ContainsKey(format);

    /// <summary>Creates a mapper; throws <see cref="ArgumentException"/> naming the problem for an unknown format or bad rules.</summary>
    public static PayloadMapper Create(string format, PayloadMapperOptions options) =>
        Table.TryGetValue(format, out var factory)
            ? factory(options)
            : throw new ArgumentException($"subscription '{options.Subscription}': unknown format '{format}' (one of {string.Join(", ", Names)})");
}
