namespace DcimAgent.Simulator;

/// <summary>Where one simulated SNMP device answers and what it is; the demo config names the same things.</summary>
public sealed record SimulatedDeviceSpec(string Name, SimulatedDeviceKind Kind, int Port, string? Rack, string? Feed, bool V3);
