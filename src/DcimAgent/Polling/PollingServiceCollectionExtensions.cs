using DcimAgent.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DcimAgent.Polling;

/// <summary>Registers SNMP polling with the host.</summary>
public static class PollingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SNMP poller and, unless one is registered already (tests register recordings), the UDP
    /// <see cref="SnmpClientQuerierFactory"/> it polls through.
    /// </summary>
    public static IServiceCollection AddSnmpPolling(this IServiceCollection services, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton<ISnmpQuerierFactory>(sp => new SnmpClientQuerierFactory(sp.GetService<TimeProvider>()));
        services.AddHostedService<SnmpPollingService>();
        return services;
    }
}
