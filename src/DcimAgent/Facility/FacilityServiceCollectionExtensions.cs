using DcimAgent.Configuration;
using DcimAgent.Model.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DcimAgent.Facility;

/// <summary>DI registration of the facility roll-ups.</summary>
public static class FacilityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FacilityService"/> (as itself and as a hosted service) when the config assigns any
    /// meters or racks. Throws with every config path at fault when the section is invalid.
    /// </summary>
    public static IServiceCollection AddFacility(this IServiceCollection services, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!FacilityPlanFactory.IsConfigured(config))
        {
            return services;
        }

        FacilityPlanFactory.Create(config); // fail at start, not at the first tick
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SeriesStore>();
        services.TryAddSingleton(config);
        services.AddSingleton<FacilityService>();
        services.AddHostedService(sp => sp.GetRequiredService<FacilityService>());
        return services;
    }
}
