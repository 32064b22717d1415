using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Security;

/// <summary>Endpoint TLS and basic auth configured like Prometheus' web config, checked with curl.</summary>
public class WebConfigTests
{
    [Fact]
    public async Task BasicAuthOverTls_CurlWithoutCredentials401_With200()
    {
        using var dir = new TempDir();
        var (certPath, keyPath) = WriteSelfSignedCert(dir);
        var hash = BCrypt.Net.BCrypt.HashPassword("Scrape-Pass-31", workFactor: 4);
        var web = dir.File("web.yml", $"tls_server_config:\n  cert_file: {certPath}\n  key_file: {keyPath}\nbasic_auth_users:\n  prometheus: '{hash}'\n");
        var port = FreePort.Tcp();
        var cfg = ConfigLoader.Parse($"agent: {{ listen: \"127.0.0.1:{port}\", web_config_file: {web} }}\n", "t.yaml", _ => null, dir.Path);
        Assert.Empty(cfg.Errors);

        await using var app = AgentHost.Build(cfg.Config, logOutput: TextWriter.Null);
        await app.StartAsync();
        try
        {
            var url = $"https://127.0.0.1:{port}/metrics";
            var without = await ProcessRunner.RunAsync("curl", ["-sk", "-o", "/dev/null", "-w", "%{http_code}", url]);
            Assert.Equal("401", without.Stdout.Trim());
            var wrong = await ProcessRunner.RunAsync("curl", ["-sk", "-o", "/dev/null", "-w", "%{http_code}", "-u", "prometheus:wrong", url]);
            Assert.Equal("401", wrong.Stdout.Trim());
            var with = await ProcessRunner.RunAsync("curl", ["-sk", "-w", "\n%{http_code}", "-u", "prometheus:Scrape-Pass-31", url]);
            Assert.EndsWith("\n200", with.Stdout.Trim());
            Assert.Contains("dcim_agent_build_info", with.Stdout);
            var plain = await ProcessRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", $"http://127.0.0.1:{port}/metrics"]);
            Assert.NotEqual("200", plain.Stdout.Trim());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public void Load_PlainPasswordInsteadOfHash_IsAnErrorWithoutThePassword()
    {
        using var dir = new TempDir();
        var web = dir.File("web.yml", "basic_auth_users:\n  alice: Plain-Text-77\n");
        WebConfigLoad(web, out var errors);
        var e = Assert.Single(errors);
        Assert.Contains("basic_auth_users.alice: not a bcrypt hash", e);
        Assert.DoesNotContain("Plain-Text-77", e);
    }

    [Fact]
    public void CheckConfig_WebConfigWithUnknownKey_IsReported()
    {
        using var dir = new TempDir();
        var web = dir.File("web.yml", "tls_server_config:\n  certfile: x\n");
        var r = ConfigLoader.Parse($"agent: {{ web_config_file: {web} }}\n", "t.yaml", _ => null, dir.Path);
        Assert.Contains(r.Errors, e => e.Location.EndsWith("agent.web_config_file", StringComparison.Ordinal) && e.Message.Contains("tls_server_config.certfile: unknown key", StringComparison.Ordinal));
    }

    private static void WebConfigLoad(string path, out List<string> errors) => DcimAgent.Security.WebConfig.Load(path, out errors);

    private static (string Cert, string Key) WriteSelfSignedCert(TempDir dir)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        req.CertificateExtensions.Add(san.Build());
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (dir.File("server.crt", cert.ExportCertificatePem()), dir.File("server.key", key.ExportPkcs8PrivateKeyPem()));
    }
}
