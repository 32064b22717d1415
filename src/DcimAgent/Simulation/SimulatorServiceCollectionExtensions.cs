using DcimAgent.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DcimAgent.Simulation;

/// <summary>DI registration of the embedded demo hall.</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SimulatorService"/> (as itself and as a hosted service) when <c>simulator.enabled</c>
    /// is true. It is added before the collectors so the devices answer before the first poll.
    /// </summary>
    public static IServiceCollection AddSimulator(this IServiceCollection services, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Simulator is not { Enabled: true })
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(config);
        services.AddSingleton<SimulatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorService>());
        return services;
    }
}
