using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DcimAgent.Tests.Support;

/// <summary>A throw-away CA with a server certificate (localhost, 127.0.0.1) and a client certificate, as PEM files.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TestCertificates
{
    private TestCertificates(string dir) => Dir = dir;

    public string Dir { get; }

    public string CaFile => Path.Combine(Dir, "ca.pem");

    public string ServerCert => Path.Combine(Dir, "server.pem");

    public string ServerKey => Path.Combine(Dir, "server.key");

    public string ClientCert => Path.Combine(Dir, "client.pem");

    public string ClientKey => Path.Combine(Dir, "client.key");

    public static TestCertificates Create(string dir, string caName)
    {
        Directory.CreateDirectory(dir);
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = RSA.Create(2048);
        var caReq = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caReq.PublicKey, false));
        using var ca = caReq.CreateSelfSigned(now, now.AddDays(2));
        var certs = new TestCertificates(dir);
        File.WriteAllText(certs.CaFile, ca.ExportCertificatePem());
        Issue(ca, "localhost", server: true, certs.ServerCert, certs.ServerKey, now);
        Issue(ca, "dcim-agent-test", server: false, certs.ClientCert, certs.ClientKey, now);

        // mosquitto drops root to user mosquitto: the files must be readable by it.
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        foreach (var f in Directory.GetFiles(dir))
        {
            File.SetUnixFileMode(f, (UnixFileMode)0b110_100_100);
        }

        return certs;
    }

    private static void Issue(X509Certificate2 ca, string cn, bool server, string certFile, string keyFile, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var req = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            req.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var cert = req.Create(ca, now, now.AddDays(1), serial);
        File.WriteAllText(certFile, cert.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
