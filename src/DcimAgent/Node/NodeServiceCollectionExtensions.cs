using DcimAgent.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.Node;

/// <summary>DI registration of node mode, for the host builder.</summary>
public static class NodeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NodeService"/> when <c>node.collectors</c> lists any collector. Resolves AgentConfig,
    /// SeriesStore, TimeProvider, ILogger and (optionally) AgentMetrics from the container.
    /// </summary>
    public static IServiceCollection AddNodeMode(this IServiceCollection services, AgentConfig config)
    {
        if (config.Node is { Collectors.Count: > 0 })
        {
            services.AddHostedService<NodeService>();
        }

        return services;
    }
}
