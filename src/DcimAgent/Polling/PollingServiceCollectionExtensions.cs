using DcimAgent.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.Polling;

/// <summary>Registers SNMP polling with the host.</summary>
public static class PollingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SNMP poller. It needs an <see cref="ISnmpQuerierFactory"/> (the SNMP engine's UDP client);
    /// without one it logs an error at start and polls nothing.
    /// </summary>
    public static IServiceCollection AddSnmpPolling(this IServiceCollection services, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddHostedService<SnmpPollingService>();
        return services;
    }
}
