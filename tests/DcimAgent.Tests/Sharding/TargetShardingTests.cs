using DcimAgent.Configuration;
using DcimAgent.Polling;
using DcimAgent.Sharding;

namespace DcimAgent.Tests.Sharding;

/// <summary>agent.shard applied to one shared config: no overlap, no gap, minimal movement when N changes.</summary>
public class TargetShardingTests
{
    private static AgentConfig Config(int targets, int? index = null, int count = 1)
    {
        var c = new AgentConfig();
        for (var i = 0; i < targets; i++)
        {
            c.Snmp.Targets.Add(new SnmpTargetConfig { Name = $"dv-h{i / 500}-pdu-{i:D5}", Address = $"10.1.{i / 250}.{i % 250}", Credentials = "v2" });
        }

        if (index is { } ix)
        {
            c.Agent.Shard = new ShardSection { Index = ix, Count = count };
        }

        return c;
    }

    private static Dictionary<string, int> Assign(int targets, int agents)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < agents; a++)
        {
            foreach (var t in TargetSharding.Owned(Config(targets, a, agents)))
            {
                Assert.True(owner.TryAdd(t.Name, a), $"{t.Name} owned by agents {owner.GetValueOrDefault(t.Name)} and {a}");
            }
        }

        return owner;
    }

    [Fact]
    public void Owned_NoShardSection_EveryTargetInConfigOrder()
    {
        var config = Config(7);
        Assert.Equal(config.Snmp.Targets.Select(t => t.Name), TargetSharding.Owned(config).Select(t => t.Name));
    }

    [Fact]
    public void Owned_ShardCountOne_EveryTarget() => Assert.Equal(250, TargetSharding.Owned(Config(250, 0, 1)).Count);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Owned_NAgentsOneConfig_EachTargetExactlyOnceAndBalanced(int agents)
    {
        var owner = Assign(10_000, agents);

        Assert.Equal(10_000, owner.Count);
        var expected = 10_000 / agents;
        foreach (var group in owner.GroupBy(p => p.Value))
        {
            Assert.InRange(group.Count(), expected * 0.9, expected * 1.1);
        }
    }

    [Fact]
    public void Owned_ThreeToFourAgents_OnlyAboutAQuarterMoveAndAllToTheNewAgent()
    {
        var before = Assign(10_000, 3);
        var after = Assign(10_000, 4);

        var moved = before.Where(p => after[p.Key] != p.Value).ToList();
        Assert.All(moved, p => Assert.Equal(3, after[p.Key]));
        Assert.InRange(moved.Count, 2_250, 2_750); // ideal 1/4 = 2,500
    }

    [Fact]
    public void Owned_FourToThreeAgents_OnlyTheRemovedAgentsTargetsMove()
    {
        var before = Assign(10_000, 4);
        var after = Assign(10_000, 3);

        var moved = before.Where(p => after[p.Key] != p.Value).ToList();
        Assert.All(moved, p => Assert.Equal(3, p.Value));
        Assert.Equal(before.Count(p => p.Value == 3), moved.Count);
    }

    [Fact]
    public void PollerOwns_ThreeAgents_SameTargetsAsTargetSharding()
    {
        var polled = new List<string>();
        for (var a = 0; a < 3; a++)
        {
            var config = Config(300, a, 3);
            var byPoller = config.Snmp.Targets.Where(t => SnmpPollingService.Owns(config, t.Name)).Select(t => t.Name).ToList();
            Assert.Equal(TargetSharding.Owned(config).Select(t => t.Name), byPoller);
            polled.AddRange(byPoller);
        }

        Assert.Equal(Config(300).Snmp.Targets.Select(t => t.Name).Order(StringComparer.Ordinal), polled.Order(StringComparer.Ordinal));
    }
}
