using System.Globalization;
using System.Text.Json;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads.Json;

namespace DcimAgent.Model.Payloads.Shelly;

/// <summary>
/// <c>format: shelly</c>: Shelly Gen2/Gen3 switch components, in the three shapes they travel in:
/// <list type="bullet">
/// <item>a status object on <c>&lt;id&gt;/status/switch:N</c> (as <c>Switch.GetStatus</c> returns it);</item>
/// <item>an RPC notification on <c>&lt;id&gt;/events/rpc</c>: <c>{"method":"NotifyStatus","params":{"switch:0":{...}}}</c>
///   (also NotifyFullStatus), a partial update carrying only what changed;</item>
/// <item>the status-handler form <c>{"component":"switch:0","delta":{...}}</c>.</item>
/// </list>
/// Switch N is outlet N+1 (outlets are 1-based): <c>apower</c> W → <c>dcim_pdu_outlet_power_watts</c>,
/// <c>current</c> A → <c>dcim_pdu_outlet_current_amperes</c>, <c>aenergy.total</c> Wh →
/// <c>dcim_pdu_outlet_energy_joules_total</c>, <c>output</c> → <c>dcim_pdu_outlet_state</c> on/off,
/// <c>voltage</c> V → <c>dcim_pdu_phase_voltage_volts{phase="L1"}</c>, <c>temperature.tC</c> →
/// <c>dcim_sensor_temperature_celsius{sensor="switch:N"}</c>. Fields a delta omits stay as they were.
/// </summary>
public sealed class ShellyFormat : PayloadMapper
{
    private const string SwitchPrefix = "switch:";
    private static readonly LabelSet L1 = LabelSet.Of(("phase", "L1"));

    public ShellyFormat(PayloadMapperOptions options)
        : base(options)
    {
    }

    public override string Format => "shelly";

    public override string DefaultDeviceClass => "pdu";

    protected override string NothingMappedReason => "no switch:N readings in the payload";

    protected override void MapCore(in PayloadMessage message, SampleBatch batch)
    {
        using var doc = ParseJson(message.Payload);
        var root = JsonScalar.RequireObject(doc.RootElement, "(root)");
        var device = batch.Device(null, DefaultDeviceClass);

        if (JsonScalar.TryProperty(root, "method", out var method))
        {
            var name = method.ValueKind == JsonValueKind.String ? method.GetString() : null;
            if (name is not ("NotifyStatus" or "NotifyFullStatus"))
            {
                return;
            }

            if (!JsonScalar.TryProperty(root, "params", out var parameters))
            {
                throw new PayloadException($"{name} without params");
            }

            foreach (var p in JsonScalar.RequireObject(parameters, "params").EnumerateObject())
            {
                if (p.Name.StartsWith(SwitchPrefix, StringComparison.Ordinal))
                {
                    MapSwitch(JsonScalar.RequireObject(p.Value, "params." + p.Name), SwitchIndex(p.Name, "params"), "params." + p.Name + ".", device, batch);
                }
            }

            return;
        }

        if (JsonScalar.TryProperty(root, "delta", out var delta))
        {
            if (!JsonScalar.TryProperty(root, "component", out var component) || component.ValueKind != JsonValueKind.String)
            {
                throw new PayloadException("delta without a component name");
            }

            var comp = component.GetString()!;
            if (comp.StartsWith(SwitchPrefix, StringComparison.Ordinal))
            {
                MapSwitch(JsonScalar.RequireObject(delta, "delta"), SwitchIndex(comp, "component"), "delta.", device, batch);
            }

            return;
        }

        var slash = message.Topic.LastIndexOf('/');
        var last = slash >= 0 ? message.Topic[(slash + 1)..] : message.Topic;
        if (last.StartsWith(SwitchPrefix, StringComparison.Ordinal))
        {
            MapSwitch(root, SwitchIndex(last, "topic"), string.Empty, device, batch);
        }
        else if (JsonScalar.TryProperty(root, "id", out var id) && (root.TryGetProperty("apower", out _) || root.TryGetProperty("output", out _)))
        {
            if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var n) || n < 0)
            {
                throw new PayloadException("id: expected a switch number");
            }

            MapSwitch(root, n, string.Empty, device, batch);
        }
    }

    private static int SwitchIndex(string component, string where)
    {
        if (!int.TryParse(component.AsSpan(SwitchPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1000)
        {
            throw new PayloadException($"{where}: '{component}' is not switch:N");
        }

        return n;
    }

    private static void MapSwitch(JsonElement sw, int index, string where, DeviceIdentity device, SampleBatch batch)
    {
        var outlet = (index + 1).ToString(CultureInfo.InvariantCulture);
        var labels = LabelSet.Of(("outlet", outlet), ("outlet_name", outlet));
        if (JsonScalar.TryProperty(sw, "apower", out var apower) && JsonScalar.Number(apower, where + "apower") is { } p)
        {
            batch.Add(MetricCatalog.PduOutletPower, device, labels, p, where + "apower");
        }

        if (JsonScalar.TryProperty(sw, "current", out var current) && JsonScalar.Number(current, where + "current") is { } a)
        {
            batch.Add(MetricCatalog.PduOutletCurrent, device, labels, a, where + "current");
        }

        if (JsonScalar.TryProperty(sw, "aenergy", out var aenergy)
            && JsonScalar.TryProperty(JsonScalar.RequireObject(aenergy, where + "aenergy"), "total", out var total)
            && JsonScalar.Number(total, where + "aenergy.total") is { } wh)
        {
            batch.Add(MetricCatalog.PduOutletEnergy, device, labels, ExactScale.Multiply(wh, 3600), where + "aenergy.total");
        }

        if (JsonScalar.TryProperty(sw, "output", out var output))
        {
            var state = output.ValueKind switch
            {
                JsonValueKind.True => "on",
                JsonValueKind.False => "off",
                JsonValueKind.Null => "unknown",
                _ => throw new PayloadException($"{where}output: expected a boolean, got {JsonScalar.Kind(output)}"),
            };
            batch.AddState(MetricCatalog.PduOutletState, device, labels, state, where + "output");
        }

        if (JsonScalar.TryProperty(sw, "voltage", out var voltage) && JsonScalar.Number(voltage, where + "voltage") is { } v)
        {
            batch.Add(MetricCatalog.PduPhaseVoltage, device, L1, v, where + "voltage");
        }

        if (JsonScalar.TryProperty(sw, "temperature", out var temperature))
        {
            var t = JsonScalar.RequireObject(temperature, where + "temperature");
            double? celsius = null;
            if (JsonScalar.TryProperty(t, "tC", out var tc))
            {
                celsius = JsonScalar.Number(tc, where + "temperature.tC");
            }
            else if (JsonScalar.TryProperty(t, "tF", out var tf) && JsonScalar.Number(tf, where + "temperature.tF") is { } f)
            {
                celsius = (f - 32) * 5 / 9;
            }

            if (celsius is { } c)
            {
                batch.Add(MetricCatalog.SensorTemperature, device, LabelSet.Of(("sensor", SwitchPrefix + index.ToString(CultureInfo.InvariantCulture))), c, where + "temperature");
            }
        }
    }
}
