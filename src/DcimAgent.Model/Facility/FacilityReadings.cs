using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Facility;

/// <summary>
/// One tick's view of the store as meters. A device's main reading ("the meter") is its first power family
/// present in <see cref="MainPowerFamilies"/>, paired with its PDU energy register when it has one; outlets are
/// separate meters, used only by racks whose source is <see cref="RackSource.Outlets"/>.
/// </summary>
public sealed class FacilityReadings
{
    /// <summary>
    /// The power a device counts with, in priority order. The families belong to different device classes, so
    /// a device normally has exactly one; the order settles the odd device that exposes two (a UPS profile that
    /// also fills the PDU total, say) so its load is still counted once.
    /// </summary>
    public static readonly IReadOnlyList<MetricFamily> MainPowerFamilies =
    [
        MetricCatalog.PduPower,
        MetricCatalog.UpsOutputPower,
        MetricCatalog.CoolingPower,
        MetricCatalog.ServerPower,
    ];

    private readonly Dictionary<string, MeterReading> _main = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MeterReading>> _outlets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _servers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pduPower = new(StringComparer.Ordinal);

    private FacilityReadings()
    {
    }

    /// <summary>Every device that has a main reading, by name.</summary>
    public IReadOnlyDictionary<string, MeterReading> Main => _main;

    public IReadOnlyCollection<string> Devices => _main.Keys;

    public bool TryGetMain(string device, out MeterReading reading) => _main.TryGetValue(device, out reading);

    public IReadOnlyList<MeterReading> Outlets(string device) =>
        _outlets.TryGetValue(device, out var list) ? list : [];

    public IEnumerable<string> OutletDevices => _outlets.Keys;

    /// <summary>True when the device's main reading is a server's BMC power.</summary>
    public bool IsServer(string device) => _servers.Contains(device);

    /// <summary>True when the device has a PDU total (power or energy), the <see cref="RackSource.Inputs"/> source.</summary>
    public bool IsPduInput(string device) =>
        _main.TryGetValue(device, out var r) && !_servers.Contains(device) && (r.HasEnergy || _pduPower.Contains(device));

    public static FacilityReadings From(SeriesStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var r = new FacilityReadings();
        var powerBy = new Dictionary<string, (SeriesSnapshot Snap, MetricFamily Family)>(StringComparer.Ordinal);
        foreach (var family in MainPowerFamilies)
        {
            foreach (var s in store.Snapshot(family))
            {
                if (s.Device is null || s.Labels.Count != 0 || powerBy.ContainsKey(s.Device.Device))
                {
                    continue;
                }

                powerBy[s.Device.Device] = (s, family);
            }
        }

        var energyBy = new Dictionary<string, SeriesSnapshot>(StringComparer.Ordinal);
        foreach (var s in store.Snapshot(MetricCatalog.PduEnergy))
        {
            if (s.Device is not null && s.Labels.Count == 0)
            {
                energyBy[s.Device.Device] = s;
            }
        }

        foreach (var (device, (snap, family)) in powerBy)
        {
            // The PDU register only describes the PDU total, never a UPS output or a chiller.
            SeriesSnapshot e = default;
            var hasRegister = family == MetricCatalog.PduPower && energyBy.TryGetValue(device, out e);
            r._main[device] = new MeterReading(device, snap.Device!, snap.Value, snap.UpdatedMs,
                hasRegister ? e.Value : double.NaN, hasRegister ? e.CounterRaw : double.NaN, hasRegister ? e.UpdatedMs : 0);
            if (family == MetricCatalog.ServerPower)
            {
                r._servers.Add(device);
            }
            else if (family == MetricCatalog.PduPower)
            {
                r._pduPower.Add(device);
            }
        }

        foreach (var (device, e) in energyBy)
        {
            if (!powerBy.ContainsKey(device))
            {
                r._main[device] = new MeterReading(device, e.Device!, double.NaN, 0, e.Value, e.CounterRaw, e.UpdatedMs);
            }
        }

        r.ReadOutlets(store);
        return r;
    }

    private void ReadOutlets(SeriesStore store)
    {
        var byKey = new Dictionary<string, MeterReading>(StringComparer.Ordinal);
        foreach (var s in store.Snapshot(MetricCatalog.PduOutletPower))
        {
            if (s.Device is not null && s.Labels["outlet"] is { } outlet)
            {
                var key = OutletKey(s.Device.Device, outlet);
                byKey[key] = new MeterReading(key, s.Device, s.Value, s.UpdatedMs, double.NaN, double.NaN, 0);
            }
        }

        foreach (var s in store.Snapshot(MetricCatalog.PduOutletEnergy))
        {
            if (s.Device is not null && s.Labels["outlet"] is { } outlet)
            {
                var key = OutletKey(s.Device.Device, outlet);
                byKey[key] = byKey.TryGetValue(key, out var p)
                    ? p with { Energy = s.Value, EnergyRaw = s.CounterRaw, EnergyMs = s.UpdatedMs }
                    : new MeterReading(key, s.Device, double.NaN, 0, s.Value, s.CounterRaw, s.UpdatedMs);
            }
        }

        foreach (var reading in byKey.Values)
        {
            if (!_outlets.TryGetValue(reading.Device.Device, out var list))
            {
                _outlets[reading.Device.Device] = list = [];
            }

            list.Add(reading);
        }
    }

    /// <summary>The ledger key of an outlet meter.</summary>
    public static string OutletKey(string device, string outlet) => device + "|outlet=" + outlet;
}
