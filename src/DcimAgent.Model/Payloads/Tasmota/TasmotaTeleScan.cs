using System.Text.Json;
using System.Text.Unicode;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Payloads.Tasmota;

/// <summary>
/// The fast path of <see cref="TasmotaFormat"/> for the common <c>tele/&lt;t&gt;/SENSOR</c> shape: one forward pass
/// with <see cref="Utf8JsonReader"/>, no <see cref="JsonDocument"/> and no allocation for an ENERGY-only message.
/// It takes only what it can map exactly as the document path does: numbers (or null, or arrays of up to three
/// numbers) in <c>ENERGY</c>, numbers in sensor objects, a string <c>TempUnit</c>. Anything else, a repeated name,
/// <c>StatusSNS</c>, <c>TIC</c>, a quoted number or any error (malformed JSON, invalid UTF-8, a forbidden value)
/// makes <see cref="TryMap"/> return false with the batch cleared, and the document path decides: it alone words
/// every rejection, so the fast path cannot change an outcome, only how fast a good message is taken.
/// One instance per mapper (not thread-safe, like the mapper).
/// </summary>
internal sealed class TasmotaTeleScan
{
    private const int Total = 0;
    private const int Power = 1;
    private const int Apparent = 2;
    private const int Factor = 3;
    private const int Voltage = 4;
    private const int Current = 5;
    private const int MaxPhases = 3;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 32 };

    private static readonly LabelSet[] Phases =
        [LabelSet.Of(("phase", "L1")), LabelSet.Of(("phase", "L2")), LabelSet.Of(("phase", "L3"))];

    // ENERGY readings by field: up to three values each (one per phase), and whether the field was named at all.
    private readonly double[] _energy = new double[6 * MaxPhases];
    private readonly int[] _counts = new int[6];
    private readonly bool[] _named = new bool[6];
    private readonly List<Sensor> _sensors = new(2);
    private bool _hasEnergy;
    private bool _hasTempUnit;
    private bool _fahrenheit;

    /// <summary>Messages taken by this path (tests check the common payloads do not fall back).</summary>
    public long Taken { get; private set; }

    /// <summary>Maps the payload into <paramref name="batch"/>; false (batch cleared) where the document path must decide.</summary>
    public bool TryMap(ReadOnlySpan<byte> payload, SampleBatch batch, string defaultDeviceClass)
    {
        Reset();
        try
        {
            if (!Scan(payload))
            {
                return false;
            }

            Emit(batch, batch.Device(null, defaultDeviceClass));
            Taken++;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or PayloadException)
        {
            // Bad input: the document path gives the same verdict and words the reason.
            batch.Clear();
            return false;
        }
    }

    private void Reset()
    {
        Array.Clear(_counts);
        Array.Clear(_named);
        _sensors.Clear();
        _hasEnergy = false;
        _hasTempUnit = false;
        _fahrenheit = false;
    }

    /// <summary>Reads the whole payload (so malformed JSON anywhere is never half-read); false where it must fall back.</summary>
    private bool Scan(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("StatusSNS"u8) || reader.ValueTextEquals("TIC"u8))
            {
                return false;
            }

            if (reader.ValueTextEquals("ENERGY"u8))
            {
                if (_hasEnergy || !reader.Read() || reader.TokenType != JsonTokenType.StartObject || !ScanEnergy(ref reader))
                {
                    return false;
                }

                _hasEnergy = true;
                continue;
            }

            if (reader.ValueTextEquals("TempUnit"u8))
            {
                if (_hasTempUnit || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                // GetString, as the document path does: it throws on invalid UTF-8, which sends us back there.
                _fahrenheit = string.Equals(reader.GetString(), "F", StringComparison.OrdinalIgnoreCase);
                _hasTempUnit = true;
                continue;
            }

            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (escaped || !Utf8.IsValid(name) || !ScanSensor(ref reader, name))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        // The root object is closed; anything after it is an error the reader reports (and we fall back).
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
    }

    private bool ScanEnergy(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = EnergyField(ref reader);
            if (field < 0)
            {
                reader.Skip();
                continue;
            }

            if (_named[field] || !reader.Read() || !ScanNumbers(ref reader, field))
            {
                return false;
            }

            _named[field] = true;
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static int EnergyField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("Total"u8) ? Total
                : reader.ValueTextEquals("Power"u8) ? Power
                : reader.ValueTextEquals("ApparentPower"u8) ? Apparent
                : reader.ValueTextEquals("Factor"u8) ? Factor
                : reader.ValueTextEquals("Voltage"u8) ? Voltage
                : reader.ValueTextEquals("Current"u8) ? Current
                : -1;
        }

        // Unescaped (the usual case): compare the raw bytes, by length first.
        var name = reader.ValueSpan;
        return name.Length switch
        {
            5 => name.SequenceEqual("Total"u8) ? Total : name.SequenceEqual("Power"u8) ? Power : -1,
            6 => name.SequenceEqual("Factor"u8) ? Factor : -1,
            7 => name.SequenceEqual("Voltage"u8) ? Voltage : name.SequenceEqual("Current"u8) ? Current : -1,
            13 => name.SequenceEqual("ApparentPower"u8) ? Apparent : -1,
            _ => -1,
        };
    }

    /// <summary>A number, null, or an array of numbers and nulls (at most three numbers).</summary>
    private bool ScanNumbers(ref Utf8JsonReader reader, int field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return Take(ref reader, field);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number || _counts[field] == MaxPhases || !Take(ref reader, field))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool Take(ref Utf8JsonReader reader, int field)
    {
        // A number token is never escaped, so its raw bytes are the number.
        if (!Json.ShortDecimal.TryParse(reader.ValueSpan, out var v) && (!reader.TryGetDouble(out v) || !double.IsFinite(v)))
        {
            return false;
        }

        _energy[(field * MaxPhases) + _counts[field]++] = v;
        return true;
    }

    private bool ScanSensor(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        double? temperature = null;
        double? humidity = null;
        bool seenTemperature = false, seenHumidity = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTemperature = reader.ValueTextEquals("Temperature"u8);
            if (!isTemperature && !reader.ValueTextEquals("Humidity"u8))
            {
                reader.Skip();
                continue;
            }

            if ((isTemperature ? seenTemperature : seenHumidity) || !reader.Read())
            {
                return false;
            }

            double? value = null;
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetDouble(out var v) || !double.IsFinite(v))
                {
                    return false;
                }

                value = v;
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                return false;
            }

            if (isTemperature)
            {
                (temperature, seenTemperature) = (value, true);
            }
            else
            {
                (humidity, seenHumidity) = (value, true);
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        _sensors.Add(new Sensor(System.Text.Encoding.UTF8.GetString(name), temperature, humidity));
        return true;
    }

    /// <summary>The samples, in the document path's order (ENERGY fields in a fixed order, then sensors as they came).</summary>
    private void Emit(SampleBatch batch, DeviceIdentity device)
    {
        const string where = "ENERGY.";
        if (_counts[Total] > 0)
        {
            batch.Add(MetricCatalog.PduEnergy, device, LabelSet.Empty, ExactScale.Multiply(Sum(Total), 3.6e6), where, "Total");
        }

        if (_counts[Power] > 0)
        {
            if (_counts[Power] > 1)
            {
                PerPhase(batch, MetricCatalog.PduPhasePower, device, Power, "Power");
            }

            batch.Add(MetricCatalog.PduPower, device, LabelSet.Empty, Sum(Power), where, "Power");
        }

        if (_counts[Apparent] > 0)
        {
            batch.Add(MetricCatalog.PduApparentPower, device, LabelSet.Empty, Sum(Apparent), where, "ApparentPower");
        }

        // As in the document path: a per-channel power factor has no meaningful total, so only a single value maps.
        if (_counts[Factor] == 1)
        {
            batch.Add(MetricCatalog.PduPowerFactor, device, LabelSet.Empty, _energy[Factor * MaxPhases], where, "Factor");
        }

        PerPhase(batch, MetricCatalog.PduPhaseVoltage, device, Voltage, "Voltage");
        PerPhase(batch, MetricCatalog.PduPhaseCurrent, device, Current, "Current");

        foreach (var s in _sensors)
        {
            var sensor = LabelSet.Of(("sensor", s.Name));
            if (s.Temperature is { } t)
            {
                batch.Add(MetricCatalog.SensorTemperature, device, sensor, _fahrenheit ? (t - 32) * 5 / 9 : t, s.Name, ".Temperature");
            }

            if (s.Humidity is { } h)
            {
                batch.Add(MetricCatalog.SensorHumidity, device, sensor, ExactScale.Multiply(h, 0.01), s.Name, ".Humidity");
            }
        }
    }

    /// <summary>Left to right from 0.0, exactly as the document path sums phases.</summary>
    private double Sum(int field)
    {
        var sum = 0.0;
        for (var i = 0; i < _counts[field]; i++)
        {
            sum += _energy[(field * MaxPhases) + i];
        }

        return sum;
    }

    private void PerPhase(SampleBatch batch, MetricFamily family, DeviceIdentity device, int field, string name)
    {
        for (var i = 0; i < _counts[field]; i++)
        {
            batch.Add(family, device, Phases[i], _energy[(field * MaxPhases) + i], "ENERGY.", name);
        }
    }

    private readonly record struct Sensor(string Name, double? Temperature, double? Humidity);
}
