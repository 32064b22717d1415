namespace DcimAgent.Model.Facility;

/// <summary>Rack roll-ups: which meters feed each rack, and their sums.</summary>
public sealed partial class FacilityEngine
{
    private void RollRacks(FacilityReadings readings, FacilityTick tick, long monoMs, StepFn step)
    {
        // A device feeds one rack only: the first rack of the config that claims it.
        var claimedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rack in _plan.Racks)
        {
            var meters = new List<MeterReading>();
            foreach (var device in CandidateDevices(readings, rack.Source))
            {
                var identity = rack.Source == RackSource.Outlets ? readings.Outlets(device)[0].Device : readings.Main[device].Device;
                if (!Feeds(rack, device, identity))
                {
                    continue;
                }

                if (claimedBy.TryGetValue(device, out var other))
                {
                    tick.Conflicts.Add($"device '{device}' matches racks '{other}' and '{rack.Rack}'; counted in '{other}' only");
                    continue;
                }

                claimedBy[device] = rack.Rack;
                if (rack.Source == RackSource.Outlets)
                {
                    meters.AddRange(readings.Outlets(device));
                }
                else
                {
                    meters.Add(readings.Main[device]);
                }
            }

            string? site = null;
            double power = 0;
            var powered = false;
            foreach (var m in meters)
            {
                site ??= SiteOf(m.Device);
                var total = RackTotal(site, rack, m);
                var s = step(m);
                total.EnergyJoules += s.EnergyJoules;
                if (m.HasPower && _meters[m.Key].IsCurrent(monoMs, _plan.GapLimitMs))
                {
                    power += m.Power;
                    powered = true;
                }
            }

            // A rack whose meters are all gone keeps its energy counter (it never goes backwards) but has no power.
            site ??= _racks.Keys.FirstOrDefault(k => k.Rack == rack.Rack).Site;
            if (site is not null && _racks.TryGetValue((site, rack.Rack), out var t))
            {
                tick.Racks.Add(new RackRollup(site, rack.Rack, t.Room, t.Row, t.Tenant, powered ? power : double.NaN, t.EnergyJoules));
            }
        }
    }

    private static IEnumerable<string> CandidateDevices(FacilityReadings readings, RackSource source) => source switch
    {
        RackSource.Outlets => readings.OutletDevices.Order(StringComparer.Ordinal),
        RackSource.Servers => readings.Devices.Where(readings.IsServer).Order(StringComparer.Ordinal),
        _ => readings.Devices.Where(readings.IsPduInput).Order(StringComparer.Ordinal),
    };

    private static bool Feeds(RackPlan rack, string device, Metrics.DeviceIdentity identity)
    {
        if (rack.Devices.Count > 0)
        {
            return DeviceGlob.MatchesAny(rack.Devices, device);
        }

        // Room and row only tell apart racks of the same name; a device without those labels still matches.
        return identity.LocationLabel("rack") == rack.Rack
            && (rack.Room is null || identity.LocationLabel("room") is not { } room || room == rack.Room)
            && (rack.Row is null || identity.LocationLabel("row") is not { } row || row == rack.Row);
    }

    private LedgerTotalState RackTotal(string site, RackPlan rack, in MeterReading first)
    {
        if (!_racks.TryGetValue((site, rack.Rack), out var t))
        {
            // Labels are fixed when the rack is first seen (and persisted), so the series keeps its identity.
            _racks[(site, rack.Rack)] = t = new LedgerTotalState
            {
                Site = site,
                Name = rack.Rack,
                Room = rack.Room ?? first.Device.LocationLabel("room"),
                Row = rack.Row ?? first.Device.LocationLabel("row"),
                Tenant = rack.Tenant,
            };
        }

        return t;
    }
}
