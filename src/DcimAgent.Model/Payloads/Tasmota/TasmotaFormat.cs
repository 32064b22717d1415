using System.Text.Json;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads.Json;

namespace DcimAgent.Model.Payloads.Tasmota;

/// <summary>
/// <c>format: tasmota</c>: Tasmota's <c>tele/&lt;topic&gt;/SENSOR</c> telemetry and the <c>StatusSNS</c> reply to
/// <c>Status 8</c>/<c>Status 10</c>. Units are Tasmota's (docs: W, VA, V, A, Factor 0..1, Total kWh):
/// <list type="bullet">
/// <item><c>ENERGY.Power</c> → <c>dcim_pdu_power_watts</c> (an array is per phase: each to
///   <c>dcim_pdu_phase_power_watts{phase}</c>, their sum to the total); <c>ApparentPower</c> →
///   <c>dcim_pdu_apparent_power_voltamperes</c>; <c>Factor</c> → <c>dcim_pdu_power_factor_ratio</c>;
///   <c>Voltage</c>/<c>Current</c> → <c>dcim_pdu_phase_voltage_volts</c>/<c>dcim_pdu_phase_current_amperes</c>
///   (<c>L1</c>, or L1..L3 for arrays); <c>Total</c> kWh → <c>dcim_pdu_energy_joules_total</c>.</item>
/// <item><c>Today</c>, <c>Yesterday</c> and <c>Period</c> are windows of the same counter: ignored, so
///   energy is never counted twice. <c>ReactivePower</c> has no family.</item>
/// <item>Teleinfo (<c>TIC</c>): <c>PAPP</c> VA → apparent power when ENERGY has none; the energy index
///   (<c>EAST</c>, else <c>BASE</c>, else <c>HCHC</c>+<c>HCHP</c>, Wh) → energy when ENERGY has no Total.</item>
/// <item>Any other object with <c>Temperature</c>/<c>Humidity</c> (ESP32, AM2301, DS18B20-1, ...) →
///   <c>dcim_sensor_temperature_celsius{sensor}</c> (honouring <c>TempUnit</c>) and
///   <c>dcim_sensor_humidity_ratio{sensor}</c>.</item>
/// </list>
/// </summary>
public sealed class TasmotaFormat : PayloadMapper
{
    private static readonly LabelSet[] Phases =
        [LabelSet.Of(("phase", "L1")), LabelSet.Of(("phase", "L2")), LabelSet.Of(("phase", "L3"))];

    private readonly List<double> _values = new(3);
    private readonly TasmotaTeleScan? _scan;

    public TasmotaFormat(PayloadMapperOptions options)
        : this(options, fastPath: true)
    {
    }

    /// <summary>With <paramref name="fastPath"/> false every message takes the document path (tests compare the two).</summary>
    internal TasmotaFormat(PayloadMapperOptions options, bool fastPath)
        : base(options)
    {
        _scan = fastPath ? new TasmotaTeleScan() : null;
    }

    /// <summary>Messages the one-pass reader took without the document path.</summary>
    internal long FastPathTaken => _scan?.Taken ?? 0;

    public override string Format => "tasmota";

    public override string DefaultDeviceClass => "meter";

    protected override string NothingMappedReason => "no ENERGY, TIC or sensor readings in the payload";

    protected override void MapCore(in PayloadMessage message, SampleBatch batch)
    {
        if (_scan is not null && _scan.TryMap(message.Payload.Span, batch, DefaultDeviceClass))
        {
            return;
        }

        MapDocument(message, batch);
    }

    /// <summary>The reference path: every shape Tasmota publishes, and the wording of every rejection.</summary>
    private void MapDocument(in PayloadMessage message, SampleBatch batch)
    {
        using var doc = ParseJson(message.Payload);
        var container = JsonScalar.RequireObject(doc.RootElement, "(root)");
        var prefix = string.Empty;
        if (JsonScalar.TryProperty(container, "StatusSNS", out var sns))
        {
            container = JsonScalar.RequireObject(sns, "StatusSNS");
            prefix = "StatusSNS.";
        }

        var device = batch.Device(null, DefaultDeviceClass);
        var hasApparent = false;
        var hasTotal = false;
        if (JsonScalar.TryProperty(container, "ENERGY", out var energy))
        {
            MapEnergy(JsonScalar.RequireObject(energy, prefix + "ENERGY"), prefix + "ENERGY.", device, batch, out hasApparent, out hasTotal);
        }

        if (JsonScalar.TryProperty(container, "TIC", out var tic))
        {
            MapTeleinfo(JsonScalar.RequireObject(tic, prefix + "TIC"), prefix + "TIC.", device, batch, hasApparent, hasTotal);
        }

        var fahrenheit = JsonScalar.TryProperty(container, "TempUnit", out var unit)
            && unit.ValueKind == JsonValueKind.String && string.Equals(unit.GetString(), "F", StringComparison.OrdinalIgnoreCase);
        foreach (var p in container.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object || p.NameEquals("ENERGY") || p.NameEquals("TIC"))
            {
                continue;
            }

            var sensor = LabelSet.Of(("sensor", p.Name));
            if (JsonScalar.TryProperty(p.Value, "Temperature", out var t)
                && JsonScalar.Number(t, $"{prefix}{p.Name}.Temperature") is { } temp)
            {
                var celsius = fahrenheit ? (temp - 32) * 5 / 9 : temp;
                batch.Add(MetricCatalog.SensorTemperature, device, sensor, celsius, $"{prefix}{p.Name}.Temperature");
            }

            if (JsonScalar.TryProperty(p.Value, "Humidity", out var h)
                && JsonScalar.Number(h, $"{prefix}{p.Name}.Humidity") is { } humidity)
            {
                batch.Add(MetricCatalog.SensorHumidity, device, sensor, ExactScale.Multiply(humidity, 0.01), $"{prefix}{p.Name}.Humidity");
            }
        }
    }

    private void MapEnergy(JsonElement energy, string where, DeviceIdentity device, SampleBatch batch, out bool hasApparent, out bool hasTotal)
    {
        hasApparent = false;
        hasTotal = false;
        if (Read(energy, "Total", where))
        {
            batch.Add(MetricCatalog.PduEnergy, device, LabelSet.Empty, ExactScale.Multiply(Sum(), 3.6e6), where, "Total");
            hasTotal = true;
        }

        if (Read(energy, "Power", where))
        {
            if (_values.Count > 1)
            {
                PerPhase(MetricCatalog.PduPhasePower, device, batch, where, "Power");
            }

            batch.Add(MetricCatalog.PduPower, device, LabelSet.Empty, Sum(), where, "Power");
        }

        if (Read(energy, "ApparentPower", where))
        {
            batch.Add(MetricCatalog.PduApparentPower, device, LabelSet.Empty, Sum(), where, "ApparentPower");
            hasApparent = true;
        }

        // A per-channel power factor has no meaningful total, so only a scalar Factor is mapped.
        if (Read(energy, "Factor", where) && _values.Count == 1)
        {
            batch.Add(MetricCatalog.PduPowerFactor, device, LabelSet.Empty, _values[0], where, "Factor");
        }

        if (Read(energy, "Voltage", where))
        {
            PerPhase(MetricCatalog.PduPhaseVoltage, device, batch, where, "Voltage");
        }

        if (Read(energy, "Current", where))
        {
            PerPhase(MetricCatalog.PduPhaseCurrent, device, batch, where, "Current");
        }
    }

    private void MapTeleinfo(JsonElement tic, string where, DeviceIdentity device, SampleBatch batch, bool hasApparent, bool hasTotal)
    {
        if (!hasApparent && Read(tic, "PAPP", where))
        {
            batch.Add(MetricCatalog.PduApparentPower, device, LabelSet.Empty, Sum(), where, "PAPP");
        }

        if (hasTotal)
        {
            return;
        }

        if (Read(tic, "EAST", where) || Read(tic, "BASE", where))
        {
            batch.Add(MetricCatalog.PduEnergy, device, LabelSet.Empty, ExactScale.Multiply(Sum(), 3600), where, "index");
        }
        else if (Read(tic, "HCHC", where))
        {
            var offPeak = Sum();
            if (Read(tic, "HCHP", where))
            {
                batch.Add(MetricCatalog.PduEnergy, device, LabelSet.Empty, ExactScale.Multiply(offPeak + Sum(), 3600), where, "HCHC+HCHP");
            }
        }
    }

    /// <summary>Reads a scalar or an array of numbers into <see cref="_values"/>; false when absent or null.</summary>
    private bool Read(JsonElement obj, string name, string where)
    {
        _values.Clear();
        if (!obj.TryGetProperty(name, out var e))
        {
            return false;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                if (JsonScalar.Number(item, $"{where}{name}[{i}]") is { } v)
                {
                    _values.Add(v);
                }

                i++;
            }

            if (_values.Count > Phases.Length)
            {
                throw new PayloadException($"{where}{name}: {_values.Count} values, but a meter has at most {Phases.Length} phases");
            }
        }
        else if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var n) && double.IsFinite(n))
        {
            // The usual reading, taken without building the place name JsonScalar would need for an error.
            _values.Add(n);
        }
        else if (JsonScalar.Number(e, where + name) is { } v)
        {
            _values.Add(v);
        }

        return _values.Count > 0;
    }

    private double Sum()
    {
        var sum = 0.0;
        foreach (var v in _values)
        {
            sum += v;
        }

        return sum;
    }

    private void PerPhase(MetricFamily family, DeviceIdentity device, SampleBatch batch, string where, string name)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            batch.Add(family, device, Phases[i], _values[i], where, name);
        }
    }
}
