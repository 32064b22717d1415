namespace DcimAgent.Fuzz.Targets;

/// <summary>One fuzz target: its iteration and where its seed inputs come from.</summary>
internal sealed record FuzzTarget(string Name, FuzzAction Run, Func<string, IEnumerable<(string Name, byte[] Bytes)>> Seeds);

/// <summary>One iteration over one input.</summary>
internal delegate void FuzzAction(ReadOnlySpan<byte> data);

/// <summary>
/// Every target by name: <c>snmp</c>, <c>trap</c>, <c>mqtt-FORMAT</c>, the accelerator parsers, <c>config</c>.
/// Names are plain strings and targets are built only by <see cref="Create"/>: instrumented code must not run
/// before SharpFuzz has attached AFL's shared memory, or it faults.
/// </summary>
internal static class FuzzTargets
{
    private static readonly string[] MqttFormats = ["json", "value", "tasmota", "shelly", "sparkplug-b", "dcim-json"];
    private static readonly string[] Accelerators = ["npu-smi", "nvidia-csv", "nvidia-xml", "nvml"];

    public static IReadOnlyList<string> Names { get; } =
        ["snmp", "trap", .. MqttFormats.Select(f => $"mqtt-{f}"), .. Accelerators, "config"];

    public static FuzzTarget Create(string name)
    {
        switch (name)
        {
            case "snmp":
                return new(name, SnmpDecoderTarget.Run, SnmpDecoderTarget.Seeds);
            case "trap":
                return new(name, TrapTarget.Run, TrapTarget.Seeds);
            case "config":
                return new(name, ConfigTarget.Run, ConfigTarget.Seeds);
        }

        if (name.StartsWith("mqtt-", StringComparison.Ordinal))
        {
            var mqtt = MqttPayloadTarget.Create(name["mqtt-".Length..]);
            return new(name, mqtt.Run, mqtt.Seeds);
        }

        var accelerator = AcceleratorTarget.Create(name);
        return new(name, accelerator.Run, accelerator.Seeds);
    }
}
