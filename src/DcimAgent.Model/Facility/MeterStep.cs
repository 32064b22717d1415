namespace DcimAgent.Model.Facility;

/// <summary>What one meter contributed in one tick.</summary>
/// <param name="EnergyJoules">Energy added (never negative).</param>
/// <param name="GapSeconds">Silence not bridged because it exceeded the gap limit (or the clock ran backwards across a restart).</param>
/// <param name="Fresh">The meter gave a new reading this tick.</param>
public readonly record struct MeterStep(double EnergyJoules, double GapSeconds, bool Fresh);
