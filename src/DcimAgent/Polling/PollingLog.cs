using Microsoft.Extensions.Logging;

namespace DcimAgent.Polling;

/// <summary>Polling log messages: state changes at Warning/Information, per-poll detail at Debug.</summary>
internal static partial class PollingLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "SNMP polling: {Targets} targets, {Profiles} profiles, concurrency {Concurrency}")]
    public static partial void Started(ILogger logger, int targets, int profiles, int concurrency);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Device {Device} stopped answering: {Reason} ({Detail})")]
    public static partial void DeviceDown(ILogger logger, string device, string reason, string? detail);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Device {Device} is up (profile {Profile})")]
    public static partial void DeviceUp(ILogger logger, string device, string? profile);

    [LoggerMessage(EventId = 403, Level = LogLevel.Debug, Message = "Polled {Device}: {Samples} samples from {VarBinds} varbinds in {Seconds:0.000}s")]
    public static partial void Polled(ILogger logger, string device, int samples, int varBinds, double seconds);

    [LoggerMessage(EventId = 404, Level = LogLevel.Error, Message = "SNMP polling disabled: no SNMP client is registered (ISnmpQuerierFactory); {Targets} targets will not be polled")]
    public static partial void NoClient(ILogger logger, int targets);
}
