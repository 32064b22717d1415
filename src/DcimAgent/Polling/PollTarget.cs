using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;

namespace DcimAgent.Polling;

/// <summary>
/// One device the scheduler polls, with the state that survives between polls: the profile it was matched
/// to, its lookup cache, its error counters. Only the scheduler touches it, one poll at a time.
/// </summary>
public sealed class PollTarget
{
    public PollTarget(string name, string profileName, string? configuredClass, IReadOnlyDictionary<string, string> location, TimeSpan interval, ISnmpQuerier querier)
    {
        Name = name;
        ProfileName = profileName;
        ConfiguredClass = configuredClass;
        Location = location;
        Interval = interval;
        Querier = querier;
        Identity = new DeviceIdentity(name, configuredClass ?? "unknown", location);
    }

    public string Name { get; }

    /// <summary>A profile name or <c>auto</c>.</summary>
    public string ProfileName { get; }

    /// <summary><c>device_class</c> from the config; null means the profile's.</summary>
    public string? ConfiguredClass { get; }

    public IReadOnlyDictionary<string, string> Location { get; }

    public TimeSpan Interval { get; }

    public ISnmpQuerier Querier { get; }

    /// <summary>Identity labels; the class becomes the profile's once one is known.</summary>
    public DeviceIdentity Identity { get; internal set; }

    /// <summary>The profile in use; null until auto-detection succeeds.</summary>
    public Profile? Profile { get; internal set; }

    public LookupCache Lookups { get; } = new();

    public long PollNumber { get; internal set; }

    /// <summary>Failed polls by reason (the value of <c>dcim_poll_errors_total</c>).</summary>
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long? LastSuccessMs { get; internal set; }

    public bool? Up { get; internal set; }

    /// <summary>Up before the last poll (null before the first): tells a transition from a repeat.</summary>
    public bool? WasUp { get; internal set; }

    /// <summary>How late the last poll started against its slot.</summary>
    public TimeSpan LastLateness { get; internal set; }

    public TimeSpan MaxLateness { get; internal set; }

    public int Polls { get; internal set; }

    public override string ToString() => Name;
}
