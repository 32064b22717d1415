using DcimAgent.Configuration;
using DcimAgent.Node;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.Hosting;

/// <summary>The list of collectors the daemon runs; each capability adds its line here.</summary>
internal static class AgentCollectors
{
    public static void Add(IServiceCollection services, AgentConfig config)
    {
        // First: the demo hall's devices and broker must answer before any collector starts.
        Simulation.SimulatorServiceCollectionExtensions.AddSimulator(services, config);

        if (config.Snmp.Traps is { Enabled: true })
        {
            services.AddHostedService<Traps.TrapService>();
        }

        services.AddNodeMode(config);
        Mqtt.MqttServiceCollectionExtensions.AddMqttIngestion(services, config);
        Polling.PollingServiceCollectionExtensions.AddSnmpPolling(services, config);
        Facility.FacilityServiceCollectionExtensions.AddFacility(services, config);
    }
}
