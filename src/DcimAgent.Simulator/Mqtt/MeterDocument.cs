using System.Text.Json;
using DcimAgent.Simulator.Physics;

namespace DcimAgent.Simulator.Mqtt;

/// <summary>
/// What a BMS gateway publishes for a Modbus energy meter: a flat JSON object in the meter's own units (kW,
/// kWh). The agent reads it with a <c>format: json</c> subscription and mapping rules, as it would a real one.
/// </summary>
public static class MeterDocument
{
    public static byte[] Write(EnergyMeter meter, long timeMs)
    {
        ArgumentNullException.ThrowIfNull(meter);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("meter", meter.Name);
            w.WriteNumber("ts", timeMs);
            w.WriteNumber("p_kw", Math.Round(meter.PowerW / 1000, 3));
            w.WriteNumber("e_kwh", Math.Round(meter.EnergyJoules / 3.6e6, 1));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
