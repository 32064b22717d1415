using DcimAgent.Configuration;

namespace DcimAgent.Polling;

/// <summary>Turns <c>snmp.targets</c> into poll targets: interval, location labels, credentials, querier.</summary>
public static class TargetResolver
{
    public static List<PollTarget> Resolve(AgentConfig config, ISnmpQuerierFactory factory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(factory);
        var defaults = config.Snmp.Defaults;
        var targets = new List<PollTarget>(config.Snmp.Targets.Count);
        foreach (var t in config.Snmp.Targets)
        {
            var credential = config.Snmp.Credentials.FirstOrDefault(c => string.Equals(c.Name, t.Credentials, StringComparison.Ordinal));
            var location = new Dictionary<string, string>(t.Labels, StringComparer.Ordinal);
            if (!location.ContainsKey("site") && !string.IsNullOrEmpty(config.Agent.Site))
            {
                location["site"] = config.Agent.Site;
            }

            targets.Add(new PollTarget(
                t.Name,
                string.IsNullOrEmpty(t.Profile) ? "auto" : t.Profile,
                t.DeviceClass,
                location,
                t.Interval ?? defaults.Interval,
                factory.Create(t, credential, defaults)));
        }

        return targets;
    }
}
