using System.Text.Json;
using DcimAgent.Simulator.Physics;

namespace DcimAgent.Simulator.Mqtt;

/// <summary>
/// Writes a host's boards as a <c>dcim-json/1</c> document (docs/mqtt.md): values already in base units, field
/// names the family names without <c>dcim_accelerator_</c>. A field the board's own tool does not report (npu-smi
/// has no power limit or throttle reasons) is left out, never sent as 0.
/// </summary>
public static class DcimJsonDocument
{
    public const string Schema = "dcim-json/1";

    public static byte[] Write(AcceleratorHost host, long timeMs)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("host", host.Name);
            w.WriteNumber("time_ms", timeMs);
            w.WriteStartObject("info");
            var nvidia = host.Spec.Vendor == "NVIDIA";
            w.WriteString("vendor", nvidia ? "Dell" : "Huawei");
            w.WriteString("model", nvidia ? "PowerEdge XE9680" : "Atlas 800T A2");
            w.WriteString("serial", "DEMO-" + host.Name.ToUpperInvariant());
            w.WriteEndObject();
            w.WriteStartArray("boards");
            foreach (var b in host.Boards)
            {
                WriteBoard(w, b);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteBoard(Utf8JsonWriter w, Board b)
    {
        var s = b.Spec;
        w.WriteStartObject();
        w.WriteNumber("index", b.Index);
        if (b.Uuid.Length > 0)
        {
            w.WriteString("uuid", b.Uuid);
        }

        w.WriteString("vendor", s.Vendor);
        w.WriteString("model", s.Model);
        w.WriteString("serial", b.Serial);
        w.WriteString("driver", s.Driver);
        w.WriteNumber("temperature_celsius", Math.Round(b.TemperatureC, 1));

        // The hall model has no separate HBM thermal path; HBM is shown a fixed 3 °C above the die so the
        // memory-temperature families and panels carry data in the demo.
        w.WriteNumber("memory_temperature_celsius", Math.Round(b.TemperatureC + 3, 1));
        if (s.SlowdownTemperatureC is { } slowdown)
        {
            w.WriteNumber("temperature_slowdown_celsius", slowdown);
        }

        w.WriteNumber("power_watts", Math.Round(b.PowerW, 3));
        if (s.PowerLimitW is { } limit)
        {
            w.WriteNumber("power_limit_watts", limit);
        }

        w.WriteNumber("energy_joules_total", Math.Round(b.EnergyJoules, 3));
        w.WriteNumber("utilization_ratio", Math.Round(b.Utilization, 3));
        w.WriteNumber("memory_used_bytes", Math.Round(b.MemoryUsedBytes));
        w.WriteNumber("memory_total_bytes", s.MemoryTotalBytes);
        w.WriteStartObject("clock_hertz");
        w.WriteNumber("core", Math.Round(b.CoreClockMHz) * 1e6);
        if (s.MemoryClockMHz is { } mem)
        {
            w.WriteNumber("memory", mem * 1e6);
        }

        w.WriteEndObject();
        if (s.ReportsThrottle)
        {
            w.WriteStartObject("throttled");
            w.WriteBoolean("power_cap", b.PowerCapped);
            w.WriteBoolean("thermal", b.ThermalThrottled);
            w.WriteBoolean("hw_slowdown", false);
            w.WriteBoolean("power_brake", false);
            w.WriteEndObject();
        }

        if (s.ReportsEcc)
        {
            w.WriteStartObject("ecc_errors_total");
            w.WriteNumber("uncorrected", 0);
            w.WriteEndObject();
        }

        w.WriteString("health", "ok");
        w.WriteEndObject();
    }
}
