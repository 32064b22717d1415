namespace DcimAgent.Simulator.Physics;

public enum IncidentPhase
{
    Normal,
    ChillerTripped,
    Recovered,
}
