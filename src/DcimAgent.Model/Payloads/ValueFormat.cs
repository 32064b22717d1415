using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads.Json;

namespace DcimAgent.Model.Payloads;

/// <summary>
/// <c>format: value</c>: the payload is one bare reading (<c>1234.5</c>, <c>ON</c>), its family and unit come from
/// the subscription. Text goes through the subscription's state map (<c>ON → on</c>, or <c>ON → 1</c> for a gauge).
/// </summary>
public sealed class ValueFormat : PayloadMapper
{
    private const int MaxValueBytes = 64;

    public ValueFormat(PayloadMapperOptions options)
        : base(options)
    {
        Rule = options.ValueRule
            ?? throw new ArgumentException($"subscription '{options.Subscription}': format value needs family (and unit)");
    }

    public MappingRule Rule { get; }

    public override string Format => "value";

    public override string DefaultDeviceClass => "sensor_hub";

    protected override void MapCore(in PayloadMessage message, SampleBatch batch)
    {
        var bytes = message.Payload.Span;
        if (bytes.Length > MaxValueBytes)
        {
            throw new PayloadException($"payload of {bytes.Length} bytes is not a bare value");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).Trim();
        }
        catch (DecoderFallbackException)
        {
            throw new PayloadException("payload is not UTF-8 text");
        }

        if (text.Length == 0)
        {
            throw new PayloadException("empty payload");
        }

        var device = batch.Device(null, DefaultDeviceClass);
        var family = Rule.Family;
        if (family.Type == MetricType.StateSet)
        {
            var state = Rule.States.TryGetValue(text, out var mapped) ? mapped : text;
            batch.AddState(family, device, Rule.Labels, state, "value");
            return;
        }

        var raw = Rule.States.TryGetValue(text, out var number)
            ? double.Parse(number, System.Globalization.CultureInfo.InvariantCulture)
            : JsonScalar.ParseNumber(text, "value");
        batch.Add(family, device, Rule.Labels, Rule.ToBase(raw), "value");
    }
}
