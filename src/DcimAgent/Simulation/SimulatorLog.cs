using Microsoft.Extensions.Logging;

namespace DcimAgent.Simulation;

internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Demo hall started: {Devices} SNMP devices from udp {Bind}:{FirstPort}, MQTT broker on tcp {Bind}:{MqttPort}, time scale {TimeScale}, chiller trips after {IncidentAfter}")]
    public static partial void Started(ILogger logger, int devices, string bind, int firstPort, int mqttPort, double timeScale, string incidentAfter);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Demo hall incident: {Phase} at simulated t={SimulatedSeconds:F0}s")]
    public static partial void Phase(ILogger logger, string phase, double simulatedSeconds);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "Demo hall tick failed; the next tick tries again")]
    public static partial void TickFailed(ILogger logger, Exception error);
}
