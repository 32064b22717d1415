using DcimAgent.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DcimAgent.Hosting;

/// <summary>The list of collectors the daemon runs; each capability adds its line here.</summary>
internal static class AgentCollectors
{
    public static void Add(IServiceCollection services, AgentConfig config)
    {
        _ = services;
        _ = config;
    }
}
