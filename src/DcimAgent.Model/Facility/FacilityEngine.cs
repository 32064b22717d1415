using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Facility;

/// <summary>
/// The facility roll-ups and the energy ledger behind them. Each <see cref="Tick"/> reads the store's latest
/// meter readings, advances every meter's ledger once (a PDU that is both an IT meter and a rack input is read
/// once and its energy added to both), and returns the site and rack totals. Pure: the caller passes both
/// clocks, persists <see cref="ExportState"/> and publishes.
/// </summary>
public sealed partial class FacilityEngine
{
    private readonly FacilityPlan _plan;
    private readonly Dictionary<string, MeterAccount> _meters = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Site, string Role), LedgerTotalState> _roles = [];
    private readonly Dictionary<(string Site, string Rack), LedgerTotalState> _racks = [];

    public FacilityEngine(FacilityPlan plan, LedgerState? restored = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        if (restored is not null)
        {
            Restore(restored);
        }
    }

    public FacilityPlan Plan => _plan;

    /// <summary>Runs one roll-up. <paramref name="monoMs"/> is a monotonic clock (dt); <paramref name="wallMs"/> stamps.</summary>
    public FacilityTick Tick(SeriesStore store, long monoMs, long wallMs)
    {
        var readings = FacilityReadings.From(store);
        var tick = new FacilityTick { WallMs = wallMs };
        tick.Sites.Add(_plan.DefaultSite);
        var steps = new Dictionary<string, MeterStep>(StringComparer.Ordinal);

        MeterStep Step(in MeterReading r)
        {
            if (!steps.TryGetValue(r.Key, out var step))
            {
                if (!_meters.TryGetValue(r.Key, out var account))
                {
                    _meters[r.Key] = account = new MeterAccount(r.Key);
                }

                account.Device = r.Device.Device;
                account.Site = SiteOf(r.Device);
                step = account.Advance(r, monoMs, wallMs, _plan.GapLimitMs);
                steps[r.Key] = step;
                if (step.Fresh)
                {
                    tick.FreshMeters++;
                }
            }

            return step;
        }

        RollRoles(readings, tick, monoMs, Step);
        RollRacks(readings, tick, monoMs, Step);
        foreach (var site in tick.Sites)
        {
            var facility = tick.Roles.Find(r => r.Site == site && r.Role == "facility");
            var it = tick.Roles.Find(r => r.Site == site && r.Role == "it");
            if (facility is not null && it is not null && it.PowerWatts > 0 && !double.IsNaN(facility.PowerWatts))
            {
                tick.Pue[site] = facility.PowerWatts / it.PowerWatts;
            }
        }

        return tick;
    }

    private delegate MeterStep StepFn(in MeterReading reading);

    private void RollRoles(FacilityReadings readings, FacilityTick tick, long monoMs, StepFn step)
    {
        var power = new Dictionary<(string, string), double>();
        foreach (var (device, reading) in readings.Main)
        {
            var role = RoleOf(device, tick);
            if (role is null)
            {
                continue;
            }

            var site = SiteOf(reading.Device);
            var total = RoleTotal(site, role);
            if (!total.Meters.Contains(device))
            {
                total.Meters.Add(device);
                total.Meters.Sort(StringComparer.Ordinal);
            }

            var s = step(reading);
            total.EnergyJoules += s.EnergyJoules;
            total.GapSeconds += s.GapSeconds;
            if (reading.HasPower && _meters[reading.Key].IsCurrent(monoMs, _plan.GapLimitMs))
            {
                power[(site, role)] = power.GetValueOrDefault((site, role)) + reading.Power;
            }
        }

        // Named meters never seen still count as assigned (at the default site), so coverage shows them missing.
        foreach (var role in MetricCatalog.SiteRoles)
        {
            if (!_plan.RoleMeters.TryGetValue(role, out var patterns))
            {
                continue;
            }

            foreach (var p in patterns)
            {
                if (!DeviceGlob.IsPattern(p) && !_roles.Values.Any(t => t.Meters.Contains(p)))
                {
                    RoleTotal(_plan.DefaultSite, role).Meters.Add(p);
                }
            }
        }

        foreach (var ((site, role), total) in _roles.OrderBy(k => k.Key.Site, StringComparer.Ordinal).ThenBy(k => RoleOrder(k.Key.Role)))
        {
            var reporting = total.Meters.Count(d => _meters.TryGetValue(d, out var a) && a.IsCurrent(monoMs, _plan.GapLimitMs));
            tick.Sites.Add(site);
            tick.Roles.Add(new RoleRollup(site, role, power.TryGetValue((site, role), out var w) ? w : double.NaN,
                total.EnergyJoules, total.GapSeconds, total.Meters.Count, reporting));
        }
    }

    private string? RoleOf(string device, FacilityTick tick)
    {
        string? found = null;
        foreach (var role in MetricCatalog.SiteRoles)
        {
            if (_plan.RoleMeters.TryGetValue(role, out var patterns) && DeviceGlob.MatchesAny(patterns, device))
            {
                if (found is null)
                {
                    found = role;
                }
                else
                {
                    tick.Conflicts.Add($"device '{device}' matches roles '{found}' and '{role}'; counted as '{found}' only");
                    break;
                }
            }
        }

        return found;
    }

    private static int RoleOrder(string role)
    {
        for (var i = 0; i < MetricCatalog.SiteRoles.Count; i++)
        {
            if (MetricCatalog.SiteRoles[i] == role)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private LedgerTotalState RoleTotal(string site, string role)
    {
        if (!_roles.TryGetValue((site, role), out var t))
        {
            _roles[(site, role)] = t = new LedgerTotalState { Site = site, Name = role };
        }

        return t;
    }

    private string SiteOf(DeviceIdentity device) => device.LocationLabel("site") ?? _plan.DefaultSite;
}
