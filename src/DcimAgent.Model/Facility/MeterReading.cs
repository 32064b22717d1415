using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Facility;

/// <summary>
/// What one meter shows at a roll-up tick: its latest power and energy-register readings from the store, each
/// with the timestamp the collector gave it (used only to tell a new reading from one already seen).
/// Absent readings are NaN.
/// </summary>
/// <param name="Key">The meter's ledger key: the device name, or <c>device|outlet=N</c> for an outlet.</param>
/// <param name="Energy">The store's never-decreasing value of the energy register, in joules.</param>
/// <param name="EnergyRaw">The device's own register value behind <paramref name="Energy"/>.</param>
public readonly record struct MeterReading(
    string Key,
    DeviceIdentity Device,
    double Power,
    long PowerMs,
    double Energy,
    double EnergyRaw,
    long EnergyMs)
{
    public bool HasPower => !double.IsNaN(Power);

    public bool HasEnergy => !double.IsNaN(Energy);
}
