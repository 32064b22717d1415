using DcimAgent.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace DcimAgent.Mqtt;

/// <summary>DI wiring of the MQTT ingestion, for the host's Program.cs.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MQTT hosted service when the config has brokers. Resolves SeriesStore, TimeProvider,
    /// ILoggerFactory and AgentConfig from DI, and Prometheus.IMetricFactory when registered (else a private
    /// registry, so the service also runs in hosts without agent self-metrics).
    /// </summary>
    public static IServiceCollection AddMqttIngestion(this IServiceCollection services, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Mqtt.Brokers.Count == 0)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MqttSelfMetrics(
            sp.GetService<IMetricFactory>() ?? Metrics.WithCustomRegistry(Metrics.NewCustomRegistry())));
        services.AddSingleton<MqttIngestionService>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestionService>());
        return services;
    }
}
