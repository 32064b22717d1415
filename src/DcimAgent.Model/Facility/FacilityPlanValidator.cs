using System.Globalization;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Facility;

/// <summary>Structural checks of a <see cref="FacilityPlan"/>; each error names its config path.</summary>
public static class FacilityPlanValidator
{
    public static IReadOnlyList<string> Validate(FacilityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<string>();
        if (plan.PueCategory is < 1 or > 3)
        {
            errors.Add(Fmt($"facility.pue_category: {plan.PueCategory} is not a Green Grid category (1, 2 or 3)"));
        }

        if (plan.Interval <= TimeSpan.Zero)
        {
            errors.Add(Fmt($"facility.interval: {plan.Interval} must be positive"));
        }

        if (plan.MaxGapIntervals < 1)
        {
            errors.Add(Fmt($"facility.max_gap_intervals: {plan.MaxGapIntervals} must be at least 1"));
        }

        var roleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, patterns) in plan.RoleMeters)
        {
            if (!MetricCatalog.SiteRoles.Contains(role, StringComparer.Ordinal))
            {
                errors.Add($"facility.meters.{role}: unknown role (facility, it, cooling, other)");
                continue;
            }

            for (var i = 0; i < patterns.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(patterns[i]))
                {
                    errors.Add(Fmt($"facility.meters.{role}[{i}]: empty device name"));
                }
                else if (!roleOf.TryAdd(patterns[i], role))
                {
                    errors.Add(Fmt($"facility.meters.{role}[{i}]: '{patterns[i]}' is already a '{roleOf[patterns[i]]}' meter; a meter has one role"));
                }
            }
        }

        var rackNames = new HashSet<(string?, string)>();
        var deviceRack = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Racks.Count; i++)
        {
            var rack = plan.Racks[i];
            if (string.IsNullOrWhiteSpace(rack.Rack))
            {
                errors.Add(Fmt($"facility.racks[{i}].rack: empty rack name"));
                continue;
            }

            if (!rackNames.Add((rack.Room, rack.Rack)))
            {
                errors.Add(Fmt($"facility.racks[{i}].rack: '{rack.Rack}' is listed twice"));
            }

            for (var j = 0; j < rack.Devices.Count; j++)
            {
                var d = rack.Devices[j];
                if (!deviceRack.TryAdd(d, rack.Rack))
                {
                    errors.Add(Fmt($"facility.racks[{i}].devices[{j}]: '{d}' already feeds rack '{deviceRack[d]}'; one load is counted once"));
                }
            }
        }

        return errors;
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
