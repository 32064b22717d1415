namespace DcimAgent.Model.Metrics;

/// <summary>spec/metrics.md "Agent and device health".</summary>
public static partial class MetricCatalog
{
    public static readonly MetricFamily DeviceUp = new("dcim_device_up", MetricType.Gauge, string.Empty,
        "1 if the last poll (or last message within its window) succeeded")
    { NeverStale = true };

    public static readonly MetricFamily DeviceInfo = new("dcim_device_info", MetricType.Gauge, string.Empty,
        "Device inventory; always 1", ["vendor", "model", "serial", "firmware", "profile", "protocol"])
    { NeverStale = true };

    public static readonly MetricFamily DeviceLastSuccess = new("dcim_device_last_success_timestamp_seconds",
        MetricType.Gauge, "seconds", "Unix time of the last good reading")
    { NeverStale = true };

    public static readonly MetricFamily PollDuration = new("dcim_poll_duration_seconds", MetricType.Gauge, "seconds",
        "Duration of the last poll of this device")
    { NeverStale = true };

    public static readonly MetricFamily PollErrors = new("dcim_poll_errors_total", MetricType.Counter, string.Empty,
        "Failed polls by reason", ["reason"])
    { NeverStale = true };

    public static readonly MetricFamily SnmpTrapsReceived = new("dcim_snmp_traps_received_total", MetricType.Counter,
        string.Empty, "SNMP traps and informs accepted", ["trap"])
    { NeverStale = true };

    public static readonly MetricFamily MqttMessages = new("dcim_mqtt_messages_total", MetricType.Counter, string.Empty,
        "MQTT messages by outcome", ["subscription", "result"], scope: FamilyScope.Global)
    { NeverStale = true };

    public static readonly MetricFamily MqttConnected = new("dcim_mqtt_connected", MetricType.Gauge, string.Empty,
        "1 while connected to the broker", ["broker"], scope: FamilyScope.Global)
    { NeverStale = true };

    /// <summary>The reasons of <see cref="PollErrors"/>.</summary>
    public static readonly IReadOnlyList<string> PollErrorReasons =
        ["timeout", "auth", "decode", "no_such_object", "refused", "other"];
}
