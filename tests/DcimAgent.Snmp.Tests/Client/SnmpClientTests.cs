using System.Net;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;
using DcimAgent.Snmp.Tests.Support;

namespace DcimAgent.Snmp.Tests.Client;

public sealed class SnmpClientTests
{
    private static SnmpTarget V2c(IPEndPoint ep) => new() { EndPoint = ep, Version = SnmpVersion.V2c, Timeout = TimeSpan.FromMilliseconds(500), Retries = 1 };

    private static SnmpTarget V3(IPEndPoint ep, UsmCredentials user) => V2c(ep) with { Version = SnmpVersion.V3, User = user };

    [Fact]
    public async Task GetAsync_V2c_ReturnsValuesAndExceptions()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var r = await client.GetAsync(V2c(agent.EndPoint!), [Oid.Parse("1.3.6.1.2.1.1.5.0"), Oid.Parse("1.3.6.1.2.1.1.9.0"), Oid.Parse("1.3.6.1.2.1.2.2.1.2.99")]);
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal("sim-1", r.Value![0].Value.AsText());
        Assert.Equal(SnmpType.NoSuchObject, r.Value[1].Value.Type);
        Assert.Equal(SnmpType.NoSuchInstance, r.Value[2].Value.Type);
    }

    [Theory]
    [InlineData("sha256-aes")]
    [InlineData("md5-des")]
    [InlineData("sha-aes256c")]
    public async Task WalkAsync_V3AuthPriv_ReturnsWholeSubtreeInOrder(string which)
    {
        var user = which switch { "sha256-aes" => FakeAgent.Sha256Aes, "md5-des" => FakeAgent.Md5Des, _ => FakeAgent.Sha1Aes256C };
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var r = await client.WalkAsync(V3(agent.EndPoint!, user) with { MaxRepetitions = 7 }, Oid.Parse("1.3.6.1.2.1.2"));
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal(80, r.Value!.Count);
        Assert.Equal("eth1", r.Value[0].Value.AsText());
        Assert.Equal(40_000u, r.Value[^1].Value.AsUInt64());
    }

    [Fact]
    public async Task WalkAsync_V1_UsesGetNextAndEndsAtNoSuchName()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var r = await client.WalkAsync(V2c(agent.EndPoint!) with { Version = SnmpVersion.V1 }, Oid.Parse("1.3.6.1.2.1.2.2.1.10"));
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal(40, r.Value!.Count);
    }

    [Fact]
    public async Task GetAsync_V3WrongAuthPassword_IsAuthErrorWrongDigests()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var r = await client.GetAsync(V3(agent.EndPoint!, FakeAgent.Sha256Aes with { AuthPassword = "not-the-password" }), [Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.False(r.IsSuccess);
        Assert.Equal(SnmpErrorKind.Auth, r.Error!.Kind);
        Assert.Equal(UsmStats.WrongDigests, r.Error.ReportOid);
    }

    [Fact]
    public async Task GetAsync_V3UnknownUser_IsAuthErrorUnknownUserName()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var r = await client.GetAsync(V3(agent.EndPoint!, FakeAgent.Sha256Aes with { UserName = "nobody" }), [Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.Equal(SnmpErrorKind.Auth, r.Error!.Kind);
        Assert.Equal(UsmStats.UnknownUserNames, r.Error.ReportOid);
    }

    [Fact]
    public async Task GetAsync_WrongCommunity_TimesOutAsValue()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var r = await client.GetAsync(V2c(agent.EndPoint!) with { Community = "wrong", Timeout = TimeSpan.FromMilliseconds(100) }, [Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.Equal(SnmpErrorKind.Timeout, r.Error!.Kind);
        Assert.Equal(1, client.Counters.Timeouts);
        Assert.Equal(1, client.Counters.Retransmissions);
    }

    [Fact]
    public async Task GetAsync_ManyTargetsConcurrently_AllAnsweredOnOneSocket()
    {
        var agents = Enumerable.Range(0, 5).Select(_ => FakeAgent.Start()).ToList();
        try
        {
            await using var client = new SnmpClient(new SnmpClientOptions { MaxConcurrentRequestsPerTarget = 2 });
            var tasks = agents.SelectMany(a => Enumerable.Range(0, 20).Select(_ => client.GetAsync(V2c(a.EndPoint!), [Oid.Parse("1.3.6.1.2.1.1.1.0")]))).ToList();
            var results = await Task.WhenAll(tasks);
            Assert.All(results, r => Assert.Equal("fake agent", r.Value![0].Value.AsText()));
            Assert.Equal(100, client.Counters.Requests);
        }
        finally
        {
            foreach (var a in agents)
            {
                await a.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Dispatch_StaleDuplicateAndForeign_AreDroppedAndCounted()
    {
        await using var agent = FakeAgent.Start();
        await using var client = new SnmpClient();
        var ok = await client.GetAsync(V2c(agent.EndPoint!), [Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.True(ok.IsSuccess);

        var stale = SnmpMessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new SnmpPdu(PduType.Response, 12345, 0, 0, []));
        client.Dispatch(stale, agent.EndPoint!);
        Assert.Equal(1, client.Counters.StaleReplies);
        client.Dispatch(new byte[] { 0x30, 0x03, 0x02, 0x01 }, agent.EndPoint!);
        Assert.Equal(1, client.Counters.MalformedReplies);
    }

    [Fact]
    public async Task WalkAsync_NonIncreasingAgent_FailsStrictAndStopsWhenTolerant()
    {
        // An agent whose GetNext goes backwards: rows .1 -> .3 -> .2 -> .3 ...
        var looping = new LoopingTransportAgent();
        await using var client = new SnmpClient(transport: looping);
        var target = new SnmpTarget { EndPoint = LoopingTransportAgent.Remote, Version = SnmpVersion.V2c, Timeout = TimeSpan.FromSeconds(1), Retries = 0 };
        var strict = await client.WalkAsync(target, Oid.Parse("1.3.6.1.4.1.99"), new WalkOptions { UseGetBulk = false });
        Assert.Equal(SnmpErrorKind.Other, strict.Error!.Kind);
        Assert.Contains("not increasing", strict.Error.Message, StringComparison.Ordinal);

        var tolerant = await client.WalkAsync(target, Oid.Parse("1.3.6.1.4.1.99"), new WalkOptions { UseGetBulk = false, AllowNonIncreasing = true });
        Assert.True(tolerant.IsSuccess);
        Assert.Equal(["1.3.6.1.4.1.99.1", "1.3.6.1.4.1.99.3", "1.3.6.1.4.1.99.2"], tolerant.Value!.Select(v => v.Oid.ToString()));
    }
}
