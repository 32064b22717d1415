using DcimAgent.Configuration;
using DcimAgent.Model.Profiles;

namespace DcimAgent.Polling;

/// <summary>Where profiles are loaded from: the shipped ones next to the binary, then <c>snmp.profile_paths</c>.</summary>
public static class ProfilePaths
{
    /// <summary>The shipped profiles: <c>profiles/</c> beside the executable (copied there by the build).</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "profiles");

    public static IReadOnlyList<string> For(AgentConfig? config)
    {
        var paths = new List<string> { Shipped };
        if (config is not null)
        {
            paths.AddRange(config.Snmp.ProfilePaths);
        }

        return paths;
    }

    public static ProfileCatalog Load(AgentConfig? config) => ProfileCatalog.Load(For(config));
}
