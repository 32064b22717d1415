using System.Net;
using DcimAgent.Configuration;
using DcimAgent.Exposition;
using System.Security.Cryptography.X509Certificates;
using DcimAgent.Model.Store;
using DcimAgent.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Serilog;

namespace DcimAgent.Hosting;

/// <summary>
/// Composes the daemon: Kestrel on agent.listen with /metrics, /healthz and /readyz; the series store; the
/// collectors of each capability; Serilog; systemd notify. Collectors are added by their own
/// <c>Add…</c> extension methods so this file only lists them.
/// </summary>
public static class AgentHost
{
    public static WebApplication Build(AgentConfig config, Action<IServiceCollection>? configure = null, TextWriter? logOutput = null, string? configPath = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();

        var logger = Logging.Create(config.Agent, logOutput);
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(4));

        var web = LoadWebConfig(config);
        builder.WebHost.ConfigureKestrel(k => ConfigureListener(k, config.Agent.Listen, web));

        var registry = Metrics.NewCustomRegistry();
        ProcessStats.Register(registry);
        var metrics = new AgentMetrics(registry, Cli.VersionCommand.Version);
        metrics.ConfigReloadSuccess.Set(1);
        metrics.ConfigReloadTimestamp.SetToCurrentTimeUtc();

        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(new ConfigMonitor(config, configPath));
        builder.Services.AddSingleton<ConfigReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfigReloader>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SeriesStore());
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(metrics.Factory);
        builder.Services.AddSingleton<AgentReadiness>();
        builder.Services.AddHostedService<StalenessSweeper>();
        AgentCollectors.Add(builder.Services, config);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        if (web.AuthEnabled)
        {
            app.UseMiddleware<BasicAuthMiddleware>(web);
        }

        MapEndpoints(app);
        var readiness = app.Services.GetRequiredService<AgentReadiness>();
        app.Lifetime.ApplicationStarted.Register(readiness.MarkReady);
        app.Lifetime.ApplicationStopping.Register(readiness.MarkNotReady);
        return app;
    }

    private static WebConfig LoadWebConfig(AgentConfig config)
    {
        if (config.Agent.WebConfigFile is not { Length: > 0 } path)
        {
            return new WebConfig();
        }

        var web = WebConfig.Load(path, out var errors);
        return errors.Count == 0 ? web : throw new ConfigException(errors.Select(e => new ConfigError("agent.web_config_file", e)).ToList());
    }

    private static void ConfigureListener(KestrelServerOptions k, string listenText, WebConfig web)
    {
        k.AddServerHeader = false;
        var listen = HostPort.TryParse(listenText, 9464, out var hp) ? hp : new HostPort("127.0.0.1", 9464);
        void Configure(ListenOptions o)
        {
            if (web.TlsEnabled)
            {
                o.UseHttps(https =>
                {
                    https.ServerCertificate = X509Certificate2.CreateFromPemFile(web.CertFile!, web.KeyFile);
                    if (web.ClientCaFile is not null)
                    {
                        var ca = X509CertificateLoader.LoadCertificateFromFile(web.ClientCaFile);
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (cert, _, _) =>
                        {
                            using var chain = new X509Chain();
                            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                            chain.ChainPolicy.CustomTrustStore.Add(ca);
                            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                            return chain.Build(cert);
                        };
                    }
                });
            }
        }

        if (string.Equals(listen.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            k.ListenLocalhost(listen.Port, Configure);
        }
        else if (IPAddress.TryParse(listen.Host, out var ip))
        {
            k.Listen(ip, listen.Port, Configure);
        }
        else
        {
            foreach (var addr in Dns.GetHostAddresses(listen.Host))
            {
                k.Listen(addr, listen.Port, Configure);
            }
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        var store = app.Services.GetRequiredService<SeriesStore>();
        var metrics = app.Services.GetRequiredService<AgentMetrics>();
        var readiness = app.Services.GetRequiredService<AgentReadiness>();
        app.MapGet("/metrics", (HttpContext ctx) => MetricsEndpoint.WriteAsync(ctx, store, metrics));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => readiness.IsReady
            ? Results.Text("ready\n")
            : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/", () => Results.Text("dcim-agent: see /metrics, /healthz, /readyz\n"));
    }
}
