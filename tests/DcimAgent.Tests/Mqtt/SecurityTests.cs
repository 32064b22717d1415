using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Mqtt;

/// <summary>Password listener and TLS (with a CA made in the test) against real mosquitto.</summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SecurityTests
{
    private static MqttSubscriptionConfig Power(string topic) => new()
    {
        Name = "power",
        Topic = topic,
        Format = "value",
        Family = "dcim_pdu_power_watts",
        Unit = "W",
        Device = "meter1",
    };

    private static double? PowerOf(MqttAgent a) => a.Store.Snapshot(MetricCatalog.PduPower).Select(s => (double?)s.Value).FirstOrDefault();

    [Theory]
    [InlineData(5)]
    [InlineData(3)]
    public async Task PasswordListener_WrongPasswordNeverConnects_RightOneReceives(int protocol)
    {
        var port = protocol == 5 ? 18830 : 18834;
        await using var broker = await Mosquitto.StartAsync(port);
        await using var wrong = await MqttAgent.StartAsync(
            new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{broker.AuthPort}", Username = "peers", Password = "wrong-pass", Protocol = protocol, ClientId = "wrong" },
            Power("auth/power"));
        await using var right = await MqttAgent.StartAsync(
            new MqttBrokerConfig { Url = $"mqtt://127.0.0.1:{broker.AuthPort}", Username = "peers", Password = "peers-pass", Protocol = protocol, ClientId = "right" },
            Power("auth/power"));
        await right.WaitConnectedAsync();
        await Task.Delay(300);

        await broker.PublishFileAsync("auth/power", WriteTemp("1234"));
        await right.WaitAsync(() => PowerOf(right) == 1234, "the reading through the password listener");

        await Task.Delay(500);
        Assert.Equal(0, wrong.Connected);
        Assert.Equal(0, wrong.Broker.Connections);
        Assert.Null(PowerOf(wrong));
        Assert.Equal(1, right.Connected);
    }

    [Fact]
    public async Task TlsListener_TestCaAndClientCertificate_ConnectsAndReceives_OtherCaRefused()
    {
        const int Port = 18840;
        const int TlsPort = 18842;
        using var dir = new TempDir();
        var certs = TestCertificates.Create(Path.Combine(dir.Path, "good"), "dcim test CA");
        var other = TestCertificates.Create(Path.Combine(dir.Path, "other"), "some other CA");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        var tlsListener = string.Join('\n',
            $"listener {TlsPort} 127.0.0.1",
            $"cafile {certs.CaFile}",
            $"certfile {certs.ServerCert}",
            $"keyfile {certs.ServerKey}",
            "require_certificate true",
            "allow_anonymous true");
        await using var broker = await Mosquitto.StartAsync(Port, tlsListener);

        await using var good = await MqttAgent.StartAsync(new MqttBrokerConfig
        {
            Url = $"mqtts://127.0.0.1:{TlsPort}",
            CaFile = certs.CaFile,
            CertFile = certs.ClientCert,
            KeyFile = certs.ClientKey,
            ServerName = "localhost",
            ClientId = "tls-good",
        }, Power("tls/power"));
        await using var untrusting = await MqttAgent.StartAsync(new MqttBrokerConfig
        {
            Url = $"mqtts://127.0.0.1:{TlsPort}",
            CaFile = other.CaFile,
            CertFile = certs.ClientCert,
            KeyFile = certs.ClientKey,
            ServerName = "localhost",
            ClientId = "tls-other-ca",
        }, Power("tls/power"));
        await good.WaitConnectedAsync();
        await Task.Delay(300);

        await broker.PublishFileAsync("tls/power", WriteTemp("777"));
        await good.WaitAsync(() => PowerOf(good) == 777, "the reading over TLS");

        Assert.Equal(0, untrusting.Connected);
        Assert.Equal(0, untrusting.Broker.Connections);
    }

    private static string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dcim-mqtt-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }
}
