using System.Net;

namespace DcimAgent.Snmp.Tests.Support;

/// <summary>A real net-snmp snmpd on 127.0.0.1:17010 for the Integration category (this suite's port range is 17000-17099).</summary>
public sealed class SnmpdFixture : IDisposable
{
    public const int Port = 17010;

    public SnmpdFixture()
    {
        PeerTools.Require("snmpd");
        PeerTools.Require("snmpwalk");
        var (rc, stdout, stderr) = PeerTools.Run(Path.Combine(PeerTools.PeerScripts, "snmpd-start.sh"), Port.ToString());
        Assert.True(rc == 0, $"snmpd-start.sh failed ({PeerTools.InstallHint}): {stdout}{stderr}");
    }

    public IPEndPoint EndPoint { get; } = new(IPAddress.Loopback, Port);

    public string Address => $"127.0.0.1:{Port}";

    public void Dispose() => PeerTools.Run(Path.Combine(PeerTools.PeerScripts, "snmpd-stop.sh"), Port.ToString());
}

[CollectionDefinition(Name)]
public sealed class SnmpdCollection : ICollectionFixture<SnmpdFixture>
{
    public const string Name = "snmpd";
}
