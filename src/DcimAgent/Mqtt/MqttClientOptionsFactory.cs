using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using DcimAgent.Configuration;
using MQTTnet;
using MQTTnet.Formatter;

namespace DcimAgent.Mqtt;

/// <summary>Turns one <c>mqtt.brokers</c> entry into MQTTnet client options (address, TLS, credentials, session).</summary>
public static class MqttClientOptionsFactory
{
    /// <summary>
    /// SO_RCVBUF/SO_SNDBUF asked for the broker socket (the kernel caps it at net.core.rmem_max/wmem_max). MQTTnet's
    /// default of 8 KiB (16 KiB once the kernel doubles it) fixes the socket below loopback's 64 KiB MSS: when a
    /// flood fills it the kernel stops sending window updates and the broker falls back to zero-window probes with
    /// exponential backoff, so ingestion crawled at a few hundred messages a second with the agent idle (seen in
    /// bench/mqtt-ingest.sh at QoS 1; `ss -tm` showed rb16384 and the broker's send queue full).
    /// </summary>
    public const int SocketBufferBytes = 1 << 20;

    /// <summary>Host, port and whether TLS is used, from <c>mqtt://host:port</c> or <c>mqtts://host:port</c>.</summary>
    public static (string Host, int Port, bool Tls) ParseUrl(string url, string where)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"{where}.url: '{url}' is not mqtt://host:port or mqtts://host:port");
        }

        return uri.Scheme switch
        {
            "mqtt" => (uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 1883 : uri.Port, false),
            "mqtts" => (uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 8883 : uri.Port, true),
            _ => throw new ArgumentException($"{where}.url: scheme '{uri.Scheme}' is not mqtt or mqtts"),
        };
    }

    public static string ClientId(MqttBrokerConfig broker) =>
        !string.IsNullOrEmpty(broker.ClientId) ? broker.ClientId : $"dcim-agent-{Environment.MachineName}-{broker.Name}";

    public static MqttClientOptions Build(MqttBrokerConfig broker, string where)
    {
        var (host, port, tls) = ParseUrl(broker.Url, where);
        var persistent = broker.Session switch
        {
            "clean" => false,
            "persistent" => true,
            _ => throw new ArgumentException($"{where}.session: '{broker.Session}' is not clean or persistent"),
        };
        var version = broker.Protocol switch
        {
            3 or 4 => MqttProtocolVersion.V311,
            5 => MqttProtocolVersion.V500,
            _ => throw new ArgumentException($"{where}.protocol: {broker.Protocol} is not 3 (MQTT 3.1.1) or 5"),
        };
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(version)
            .WithClientId(ClientId(broker))
            .WithCleanSession(!persistent)
            .WithKeepAlivePeriod(broker.Keepalive)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (version == MqttProtocolVersion.V500)
        {
            // MQTT 5 flow control: the broker keeps at most this many QoS 1/2 messages unacknowledged, so they all
            // fit in the queue and memory stays bounded (without it the broker may push 65,535 into the client's
            // own unbounded queue). MQTT 3.1.1 has no such field: the broker's own limit applies (mosquitto: 20).
            builder.WithReceiveMaximum((ushort)Math.Clamp(broker.QueueCapacity, 1, ushort.MaxValue));
        }

        if (persistent && version == MqttProtocolVersion.V500)
        {
            builder.WithSessionExpiryInterval((uint)Math.Clamp(broker.SessionExpiry.TotalSeconds, 1, uint.MaxValue));
        }

        var password = broker.Password;
        if (password is null && !string.IsNullOrEmpty(broker.PasswordFile))
        {
            password = File.ReadAllText(broker.PasswordFile).TrimEnd('\r', '\n');
        }

        if (!string.IsNullOrEmpty(broker.Username))
        {
            builder.WithCredentials(broker.Username, password ?? string.Empty);
        }

        if (tls)
        {
            builder.WithTlsOptions(o => ConfigureTls(o, broker, host, where));
        }

        var options = builder.Build();
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = SocketBufferBytes;
        }

        return options;
    }

    private static void ConfigureTls(MqttClientTlsOptionsBuilder o, MqttBrokerConfig broker, string host, string where)
    {
        o.UseTls().WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13).WithTargetHost(broker.ServerName ?? host);
        if (!string.IsNullOrEmpty(broker.CaFile))
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(broker.CaFile);
            if (roots.Count == 0)
            {
                throw new ArgumentException($"{where}.ca_file: no certificate in {broker.CaFile}");
            }

            o.WithCertificateValidationHandler(e => TrustedBy(roots, e.Certificate, e.SslPolicyErrors));
        }

        if (!string.IsNullOrEmpty(broker.CertFile))
        {
            if (string.IsNullOrEmpty(broker.KeyFile))
            {
                throw new ArgumentException($"{where}.key_file is required with cert_file");
            }

            // A PEM key is ephemeral; round-trip through PKCS#12 so SslStream can use it for client authentication.
            using var pem = X509Certificate2.CreateFromPemFile(broker.CertFile, broker.KeyFile);
            var cert = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            o.WithClientCertificates([cert]);
        }
    }

    /// <summary>The server certificate must chain to one of the configured roots and match the server name.</summary>
    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
