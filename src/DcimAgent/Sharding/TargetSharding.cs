using DcimAgent.Configuration;
using DcimAgent.Model.Sharding;

namespace DcimAgent.Sharding;

/// <summary>
/// Applies <c>agent.shard</c> to <c>snmp.targets</c>: N agents started with the same config and shard indexes
/// 0..N-1 poll disjoint subsets whose union is every target (rendezvous hashing on the target name, so changing
/// N moves only the targets that must move). Without a shard section an agent owns every target.
/// </summary>
public static class TargetSharding
{
    public static bool Owns(AgentConfig config, SnmpTargetConfig target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Owns(config, target.Name);
    }

    /// <summary>True when this agent polls the device named <paramref name="device"/> (the poller's rule too).</summary>
    public static bool Owns(AgentConfig config, string device)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Agent.Shard is not { Count: > 1 } shard || RendezvousSharding.Owns(device, shard.Index, shard.Count);
    }

    /// <summary>The targets this agent polls, in config order.</summary>
    public static List<SnmpTargetConfig> Owned(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Snmp.Targets.Where(t => Owns(config, t)).ToList();
    }
}
