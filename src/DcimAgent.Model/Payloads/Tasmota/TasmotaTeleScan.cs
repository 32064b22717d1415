using System.Text.Unicode;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads.Json;

namespace DcimAgent.Model.Payloads.Tasmota;

/// <summary>
/// The fast path of <see cref="TasmotaFormat"/> for the common <c>tele/&lt;t&gt;/SENSOR</c> shape: one forward pass
/// with a <see cref="JsonSubsetCursor"/> (no escapes, no exponents: what Tasmota sends), no JsonDocument and no
/// allocation for an ENERGY-only message. It takes only what it can map exactly as the document path does: numbers
/// (or null, or arrays of up to three numbers) in <c>ENERGY</c>, numbers in sensor objects, a string
/// <c>TempUnit</c>. Anything else — a repeated name, <c>StatusSNS</c>, <c>TIC</c>, a quoted number, an escape, any
/// error (malformed JSON, invalid UTF-8 where the document path reads text, a forbidden value) — makes
/// <see cref="TryMap"/> return false with the batch cleared, and the document path decides: it alone words every
/// rejection, so the fast path cannot change an outcome, only how fast a good message is taken. (It was a
/// Utf8JsonReader pass; the cursor halves the scan's cost, and the JSON scan was a fifth of the agent's CPU per
/// message under a flood.)
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
        catch (PayloadException)
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
        var cursor = new JsonSubsetCursor(payload);
        if (!cursor.Consume((byte)'{'))
        {
            return false;
        }

        if (cursor.Consume((byte)'}'))
        {
            return cursor.AtEnd();
        }

        do
        {
            if (!cursor.Name(out var name) || name.SequenceEqual("StatusSNS"u8) || name.SequenceEqual("TIC"u8))
            {
                return false;
            }

            if (name.SequenceEqual("ENERGY"u8))
            {
                if (_hasEnergy || !cursor.Consume((byte)'{') || !ScanEnergy(ref cursor))
                {
                    return false;
                }

                _hasEnergy = true;
            }
            else if (name.SequenceEqual("TempUnit"u8))
            {
                // Valid UTF-8 required, as the document path's GetString requires it.
                if (_hasTempUnit || !cursor.String(out var unit) || !Utf8.IsValid(unit))
                {
                    return false;
                }

                _fahrenheit = unit.SequenceEqual("F"u8) || unit.SequenceEqual("f"u8);
                _hasTempUnit = true;
            }
            else if (cursor.Peek() == (byte)'{')
            {
                cursor.Consume((byte)'{');
                if (!Utf8.IsValid(name) || !ScanSensor(ref cursor, name))
                {
                    return false;
                }
            }
            else if (!cursor.SkipValue(1))
            {
                return false;
            }
        }
        while (cursor.Consume((byte)','));

        // The root object is closed and nothing but whitespace follows it.
        return cursor.Consume((byte)'}') && cursor.AtEnd();
    }

    /// <summary>The members of ENERGY, its opening brace consumed.</summary>
    private bool ScanEnergy(ref JsonSubsetCursor cursor)
    {
        if (cursor.Consume((byte)'}'))
        {
            return true;
        }

        do
        {
            if (!cursor.Name(out var name))
            {
                return false;
            }

            var field = EnergyField(name);
            if (field < 0)
            {
                if (!cursor.SkipValue(2))
                {
                    return false;
                }

                continue;
            }

            if (_named[field] || !ScanNumbers(ref cursor, field))
            {
                return false;
            }

            _named[field] = true;
        }
        while (cursor.Consume((byte)','));

        return cursor.Consume((byte)'}');
    }

    private static int EnergyField(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 => name.SequenceEqual("Total"u8) ? Total : name.SequenceEqual("Power"u8) ? Power : -1,
        6 => name.SequenceEqual("Factor"u8) ? Factor : -1,
        7 => name.SequenceEqual("Voltage"u8) ? Voltage : name.SequenceEqual("Current"u8) ? Current : -1,
        13 => name.SequenceEqual("ApparentPower"u8) ? Apparent : -1,
        _ => -1,
    };

    /// <summary>A number, null, or an array of numbers and nulls (at most three numbers).</summary>
    private bool ScanNumbers(ref JsonSubsetCursor cursor, int field)
    {
        switch (cursor.Peek())
        {
            case (byte)'n':
                return cursor.Literal("null"u8);
            case (byte)'[':
                break;
            default:
                return Take(ref cursor, field);
        }

        cursor.Consume((byte)'[');
        if (cursor.Consume((byte)']'))
        {
            return true;
        }

        do
        {
            if (cursor.Peek() == (byte)'n')
            {
                if (!cursor.Literal("null"u8))
                {
                    return false;
                }

                continue;
            }

            if (_counts[field] == MaxPhases || !Take(ref cursor, field))
            {
                return false;
            }
        }
        while (cursor.Consume((byte)','));

        return cursor.Consume((byte)']');
    }

    private bool Take(ref JsonSubsetCursor cursor, int field)
    {
        if (!cursor.Number(out var token) || !JsonSubsetCursor.TryValue(token, out var v))
        {
            return false;
        }

        _energy[(field * MaxPhases) + _counts[field]++] = v;
        return true;
    }

    /// <summary>A sensor object (its opening brace consumed): Temperature and Humidity, numbers or null.</summary>
    private bool ScanSensor(ref JsonSubsetCursor cursor, ReadOnlySpan<byte> name)
    {
        double? temperature = null;
        double? humidity = null;
        bool seenTemperature = false, seenHumidity = false;
        if (!cursor.Consume((byte)'}'))
        {
            do
            {
                if (!cursor.Name(out var key))
                {
                    return false;
                }

                var isTemperature = key.SequenceEqual("Temperature"u8);
                if (!isTemperature && !key.SequenceEqual("Humidity"u8))
                {
                    if (!cursor.SkipValue(2))
                    {
                        return false;
                    }

                    continue;
                }

                if (isTemperature ? seenTemperature : seenHumidity)
                {
                    return false;
                }

                double? value = null;
                if (cursor.Peek() == (byte)'n')
                {
                    if (!cursor.Literal("null"u8))
                    {
                        return false;
                    }
                }
                else if (cursor.Number(out var token) && JsonSubsetCursor.TryValue(token, out var v))
                {
                    value = v;
                }
                else
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
            while (cursor.Consume((byte)','));

            if (!cursor.Consume((byte)'}'))
            {
                return false;
            }
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
