using System.Net;
using DcimAgent.Snmp.Agent;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Tests.Support;

namespace DcimAgent.Snmp.Tests.Client;

/// <summary>Several subtrees per GetBulk: the same bindings as walking them one by one, in fewer round trips.</summary>
public sealed class WalkManyTests
{
    private static readonly Oid[] Roots =
    [
        Oid.Parse("1.3.6.1.2.1.2.2.1.2"),   // 40 interface names
        Oid.Parse("1.3.6.1.2.1.1"),         // 3 system scalars
        Oid.Parse("1.3.6.1.2.1.2.2.1.10"),  // 40 counters
        Oid.Parse("1.3.6.1.2.1.99"),        // nothing there
    ];

    private static SnmpTarget V2c(IPEndPoint ep) => new() { EndPoint = ep, Version = SnmpVersion.V2c, Timeout = TimeSpan.FromMilliseconds(500), Retries = 1, MaxRepetitions = 10 };

    [Fact]
    public async Task WalkManyAsync_V2c_SameBindingsAsOneByOne_InFewerRequests()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var target = V2c(agent.EndPoint!);

        var single = new List<IReadOnlyList<VarBind>>();
        foreach (var root in Roots)
        {
            var r = await client.WalkAsync(target, root);
            Assert.True(r.IsSuccess, r.ToString());
            single.Add(r.Value!);
        }

        var requestsAlone = client.Counters.Requests;
        var many = await client.WalkManyAsync(target, Roots);
        var requestsTogether = client.Counters.Requests - requestsAlone;

        Assert.True(many.IsSuccess, many.Error?.ToString());
        Assert.Equal([40, 3, 40, 0], many.Results.Select(r => r.Count));
        for (var i = 0; i < Roots.Length; i++)
        {
            Assert.Equal(single[i].Select(v => v.ToString()), many.Results[i].Select(v => v.ToString()));
        }

        // One by one: 5 + 1 + 5 + 1 GetBulks of 10 repetitions. Together: 4 subtrees × 10 (system and the empty
        // one end in the first reply), then the two tables side by side, 2 × 10 per request, until both end.
        Assert.Equal(12, requestsAlone);
        Assert.Equal(5, requestsTogether);
        Assert.Equal("eth40", many.Results[0][^1].Value.AsText());
        Assert.Equal(40_000u, many.Results[2][^1].Value.AsUInt64());
    }

    [Fact]
    public async Task WalkManyAsync_AgentTrimsBulkAnswers_StillCompleteAndOrdered()
    {
        // An agent that answers at most 7 bindings per GetBulk (RFC 3416 allows fewer repetitions than asked),
        // fewer than the 4 subtrees × repetitions asked: every subtree must still be walked to its end.
        var agent = new SnmpAgent(new SortedOidTable(FakeAgent.SampleRows()), new SnmpAgentOptions { MaxBulkVarBinds = 7 });
        agent.Start(new IPEndPoint(IPAddress.Loopback, 0));
        await using (agent)
        {
            await using var client = new SnmpClient();
            var many = await client.WalkManyAsync(V2c(agent.EndPoint!), Roots);
            Assert.True(many.IsSuccess, many.Error?.ToString());
            Assert.Equal([40, 3, 40, 0], many.Results.Select(r => r.Count));
            Assert.Equal(Enumerable.Range(1, 40).Select(i => $"eth{i}"), many.Results[0].Select(v => v.Value.AsText()));
        }
    }

    [Fact]
    public async Task WalkManyAsync_SmallResponseBuffer_TrimmedAnswersStillComplete()
    {
        // A responder whose replies hold only a few bindings (it trims GetBulk answers to its buffer, RFC 3416 §4.2.3).
        var agent = new SnmpAgent(new SortedOidTable(FakeAgent.SampleRows()), new SnmpAgentOptions { MaxResponseSize = 300 });
        agent.Start(new IPEndPoint(IPAddress.Loopback, 0));
        await using (agent)
        {
            await using var client = new SnmpClient();
            var many = await client.WalkManyAsync(V2c(agent.EndPoint!) with { MaxRepetitions = 25 }, Roots);
            Assert.True(many.IsSuccess, many.Error?.ToString());
            Assert.Equal([40, 3, 40, 0], many.Results.Select(r => r.Count));
        }
    }

    [Fact]
    public async Task WalkManyAsync_V1_WalksOneByOneWithGetNext()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var many = await client.WalkManyAsync(V2c(agent.EndPoint!) with { Version = SnmpVersion.V1 }, Roots);
        Assert.True(many.IsSuccess, many.Error?.ToString());
        Assert.Equal([40, 3, 40, 0], many.Results.Select(r => r.Count));
        Assert.Equal(87, client.Counters.Requests); // GetNext: 40 + 1, 3 + 1, 40 + 1, 1
    }

    [Fact]
    public async Task WalkManyAsync_NobodyAnswers_FailsWithTimeoutNamingTheFirstUnfinishedRoot()
    {
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var client = new SnmpClient();
        var target = V2c((IPEndPoint)silent.LocalEndPoint!) with { Timeout = TimeSpan.FromMilliseconds(50), Retries = 0, MaxRepetitions = 2 };
        var many = await client.WalkManyAsync(target, Roots);
        Assert.False(many.IsSuccess);
        Assert.Equal(SnmpErrorKind.Timeout, many.Error!.Kind);
        Assert.Equal(0, many.FailedRoot);
        Assert.All(many.Results, r => Assert.Empty(r));
    }

    [Fact]
    public async Task WalkManyAsync_CarriesScalars_InTheFirstRequest_AbsentOnesLeftOut()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        Oid[] scalars = [Oid.Parse("1.3.6.1.2.1.1.5.0"), Oid.Parse("1.3.6.1.2.1.1.3.0"), Oid.Parse("1.3.6.1.2.1.1.4.0")];
        var many = await client.WalkManyAsync(V2c(agent.EndPoint!), Roots, scalars);
        Assert.True(many.IsSuccess, many.Error?.ToString());
        Assert.Equal([40, 3, 40, 0], many.Results.Select(r => r.Count));

        // sysName and sysUpTime exist; sysContact (.4.0) does not: its GETNEXT answers sysName, so it is left out.
        Assert.NotNull(many.Scalars);
        Assert.Equal(["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.3.0"], many.Scalars!.Select(v => v.Oid.ToString()));
        Assert.Equal("sim-1", many.Scalars[0].Value.AsText());
        Assert.Equal(8_640_123u, many.Scalars[1].Value.AsUInt64());
        Assert.Equal(5, client.Counters.Requests); // no extra round trip for the scalars
    }

    [Fact]
    public async Task WalkManyAsync_ScalarsNotInstancesOrV1_AreNotCarried()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var notInstance = await client.WalkManyAsync(V2c(agent.EndPoint!), Roots, [Oid.Parse("1.3.6.1.2.1.2.2.1.2.7")]);
        Assert.True(notInstance.IsSuccess);
        Assert.Null(notInstance.Scalars);

        var v1 = await client.WalkManyAsync(V2c(agent.EndPoint!) with { Version = SnmpVersion.V1 }, Roots, [Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.True(v1.IsSuccess);
        Assert.Null(v1.Scalars);
        Assert.Equal([40, 3, 40, 0], v1.Results.Select(r => r.Count));
    }
}
