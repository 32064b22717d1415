namespace DcimAgent.Simulator.Physics;

/// <summary>
/// The scripted incident: at <see cref="TripAt"/> the chiller trips (compressor fault) and stays down for
/// <see cref="Duration"/>; then it restarts and the hall recovers. Times are simulated seconds.
/// </summary>
public sealed record IncidentScript(double? TripAt, double Duration)
{
    public bool ChillerTripped(double t) => TripAt is { } at && t >= at && t < at + Duration;

    public IncidentPhase Phase(double t) => TripAt switch
    {
        null => IncidentPhase.Normal,
        { } at when t < at => IncidentPhase.Normal,
        { } at when t < at + Duration => IncidentPhase.ChillerTripped,
        _ => IncidentPhase.Recovered,
    };
}
