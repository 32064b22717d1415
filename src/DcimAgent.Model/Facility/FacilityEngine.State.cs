using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Facility;

/// <summary>Ledger persistence (to and from <see cref="LedgerState"/>) and publication into a sample sink.</summary>
public sealed partial class FacilityEngine
{
    /// <summary>Number of meters the ledger tracks.</summary>
    public int MeterCount => _meters.Count;

    /// <summary>A deep copy of the ledger, to persist after every tick.</summary>
    public LedgerState ExportState(long wallMs)
    {
        var state = new LedgerState { SavedWallMs = wallMs };
        foreach (var t in _roles.Values.OrderBy(t => t.Site, StringComparer.Ordinal).ThenBy(t => RoleOrder(t.Name)))
        {
            state.Roles.Add(Copy(t));
        }

        foreach (var t in _racks.Values.OrderBy(t => t.Site, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            state.Racks.Add(Copy(t));
        }

        foreach (var m in _meters.Values.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            state.Meters.Add(m.ToState());
        }

        return state;
    }

    private void Restore(LedgerState state)
    {
        foreach (var t in state.Roles)
        {
            if (!_plan.RoleMeters.TryGetValue(t.Name, out var patterns))
            {
                continue; // the role left the config: its counter ends here
            }

            var copy = Copy(t);
            // Meters that no longer match the config are no longer assigned (and no longer count against coverage).
            copy.Meters.RemoveAll(d => !DeviceGlob.MatchesAny(patterns, d));
            _roles[(t.Site, t.Name)] = copy;
        }

        foreach (var t in state.Racks)
        {
            _racks[(t.Site, t.Name)] = Copy(t);
        }

        foreach (var m in state.Meters)
        {
            _meters[m.Key] = MeterAccount.Restore(m);
        }
    }

    private static LedgerTotalState Copy(LedgerTotalState t) => new()
    {
        Site = t.Site,
        Name = t.Name,
        Room = t.Room,
        Row = t.Row,
        Tenant = t.Tenant,
        EnergyJoules = t.EnergyJoules,
        GapSeconds = t.GapSeconds,
        Meters = [.. t.Meters],
    };

    /// <summary>
    /// Writes the tick's series. Energy and gap counters go out only when <paramref name="includeCounters"/>
    /// (the host passes true once the state holding them is on disk): a counter exposed before it is persisted
    /// could fall back after a crash, and Prometheus would read that drop as a reset and count everything again.
    /// </summary>
    public void Publish(FacilityTick tick, ISampleSink sink, bool includeCounters)
    {
        ArgumentNullException.ThrowIfNull(tick);
        ArgumentNullException.ThrowIfNull(sink);
        var ts = tick.WallMs;
        foreach (var site in tick.Sites)
        {
            sink.Write(new Sample(MetricCatalog.SitePueCategory, null, LabelSet.Of(("site", site)), _plan.PueCategory, ts));
        }

        foreach (var (site, pue) in tick.Pue)
        {
            sink.Write(new Sample(MetricCatalog.SitePue, null, LabelSet.Of(("site", site)), pue, ts));
        }

        foreach (var r in tick.Roles)
        {
            var labels = LabelSet.Of(("site", r.Site), ("role", r.Role));
            if (!double.IsNaN(r.PowerWatts))
            {
                sink.Write(new Sample(MetricCatalog.SitePower, null, labels, r.PowerWatts, ts));
            }

            sink.Write(new Sample(MetricCatalog.SiteMeterCoverage, null, labels, r.Coverage, ts));
            if (includeCounters)
            {
                sink.Write(new Sample(MetricCatalog.SiteEnergy, null, labels, r.EnergyJoules, ts));
                sink.Write(new Sample(MetricCatalog.SiteEnergyGap, null, labels, r.GapSeconds, ts));
            }
        }

        foreach (var r in tick.Racks)
        {
            var labels = RackLabels(r);
            if (!double.IsNaN(r.PowerWatts))
            {
                sink.Write(new Sample(MetricCatalog.RackPower, null, labels, r.PowerWatts, ts));
            }

            if (includeCounters)
            {
                sink.Write(new Sample(MetricCatalog.RackEnergy, null, labels, r.EnergyJoules, ts));
            }
        }
    }

    private static LabelSet RackLabels(RackRollup r)
    {
        var pairs = new List<KeyValuePair<string, string>>(5) { new("site", r.Site) };
        if (!string.IsNullOrEmpty(r.Room))
        {
            pairs.Add(new("room", r.Room));
        }

        if (!string.IsNullOrEmpty(r.Row))
        {
            pairs.Add(new("row", r.Row));
        }

        pairs.Add(new("rack", r.Rack));
        if (!string.IsNullOrEmpty(r.Tenant))
        {
            pairs.Add(new("tenant", r.Tenant));
        }

        return LabelSet.Of(pairs);
    }
}
