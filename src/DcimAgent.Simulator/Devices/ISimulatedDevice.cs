using DcimAgent.Simulator.Physics;
using DcimAgent.Snmp.Agent;

namespace DcimAgent.Simulator.Devices;

/// <summary>One simulated SNMP device: renders its MIB view from the hall model's present state.</summary>
public interface ISimulatedDevice
{
    SimulatedDeviceSpec Spec { get; }

    /// <summary>The whole MIB view now. Called after every model step; the agent swaps it in atomically.</summary>
    SortedOidTable Render(HallModel hall);
}
