using System.Net;
using DcimAgent.Configuration;
using DcimAgent.Exposition;
using DcimAgent.Model.Store;
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
    public static WebApplication Build(AgentConfig config, Action<IServiceCollection>? configure = null, TextWriter? logOutput = null)
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

        var listen = HostPort.TryParse(config.Agent.Listen, 9464, out var hp) ? hp : new HostPort("127.0.0.1", 9464);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (string.Equals(listen.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                k.ListenLocalhost(listen.Port);
            }
            else if (IPAddress.TryParse(listen.Host, out var ip))
            {
                k.Listen(ip, listen.Port);
            }
            else
            {
                foreach (var addr in Dns.GetHostAddresses(listen.Host))
                {
                    k.Listen(addr, listen.Port);
                }
            }
        });

        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        var metrics = new AgentMetrics(registry, Cli.VersionCommand.Version);
        metrics.ConfigReloadSuccess.Set(1);
        metrics.ConfigReloadTimestamp.SetToCurrentTimeUtc();

        builder.Services.AddSingleton(config);
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
        MapEndpoints(app);
        var readiness = app.Services.GetRequiredService<AgentReadiness>();
        app.Lifetime.ApplicationStarted.Register(readiness.MarkReady);
        app.Lifetime.ApplicationStopping.Register(readiness.MarkNotReady);
        return app;
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
