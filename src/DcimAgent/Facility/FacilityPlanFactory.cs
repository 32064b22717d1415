using DcimAgent.Configuration;
using DcimAgent.Model.Facility;

namespace DcimAgent.Facility;

/// <summary>Turns the <c>facility:</c> section into the model's <see cref="FacilityPlan"/>, with errors that name config paths.</summary>
public static class FacilityPlanFactory
{
    /// <summary>True when the config asks for any roll-up (meters by role or racks).</summary>
    public static bool IsConfigured(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Facility.Meters.Count > 0 || config.Facility.Racks.Count > 0;
    }

    /// <summary>Every problem of the section (empty when it is good), for <c>check-config</c>.</summary>
    public static IReadOnlyList<string> Validate(AgentConfig config) => Build(config, out _);

    /// <summary>The plan, or an exception listing every problem.</summary>
    public static FacilityPlan Create(AgentConfig config)
    {
        var errors = Build(config, out var plan);
        return errors.Count == 0
            ? plan
            : throw new InvalidOperationException("invalid facility config:\n  " + string.Join("\n  ", errors));
    }

    private static List<string> Build(AgentConfig config, out FacilityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(config);
        var f = config.Facility;
        var errors = new List<string>();
        var racks = new List<RackPlan>(f.Racks.Count);
        for (var i = 0; i < f.Racks.Count; i++)
        {
            var r = f.Racks[i];
            RackSource source;
            switch (r.Source)
            {
                case "inputs": source = RackSource.Inputs; break;
                case "outlets": source = RackSource.Outlets; break;
                case "servers": source = RackSource.Servers; break;
                default:
                    errors.Add($"facility.racks[{i}].source: '{r.Source}' is not one of outlets, inputs, servers");
                    source = RackSource.Inputs;
                    break;
            }

            racks.Add(new RackPlan(r.Rack, Blank(r.Tenant), Blank(r.Room), Blank(r.Row), source, [.. r.Devices]));
        }

        var meters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (role, list) in f.Meters)
        {
            meters[role] = [.. list ?? []];
        }

        plan = new FacilityPlan(
            string.IsNullOrEmpty(config.Agent.Site) ? "default" : config.Agent.Site,
            f.PueCategory, meters, racks, f.Interval, f.MaxGapIntervals);
        errors.AddRange(FacilityPlanValidator.Validate(plan));
        if (string.IsNullOrWhiteSpace(config.Agent.StateDir) && IsConfigured(config))
        {
            errors.Add("agent.state_dir: empty; the energy ledger needs a directory to persist its counters");
        }

        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
