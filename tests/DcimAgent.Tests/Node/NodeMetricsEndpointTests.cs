using DcimAgent.Configuration;
using DcimAgent.Hosting;

namespace DcimAgent.Tests.Node;

/// <summary>Node mode inside the agent host: the replayed boards appear on the host's own /metrics.</summary>
public sealed class NodeMetricsEndpointTests
{
    [Fact]
    public async Task AgentHost_WithNodeReplay_ServesAcceleratorFamilies()
    {
        var config = new AgentConfig
        {
            Agent = { Listen = "127.0.0.1:18920", Site = "hall1" },
            Node = new NodeSection
            {
                Device = "npu-node-9",
                Collectors = [new NodeCollectorConfig { Type = "replay", Path = NodeFixtures.Ascend("npu-smi-info_950x1_hicann-doc.txt") }],
            },
        };
        await using var app = AgentHost.Build(config, logOutput: TextWriter.Null);
        await app.StartAsync();
        using var http = new HttpClient();
        var body = string.Empty;
        for (var i = 0; i < 50 && !body.Contains("dcim_accelerator_power_watts", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            body = await http.GetStringAsync(new Uri("http://127.0.0.1:18920/metrics"));
        }

        await app.StopAsync();
        Assert.Contains("dcim_accelerator_power_watts{device=\"npu-node-9\",device_class=\"accelerator_host\",site=\"hall1\",accelerator=\"0\"} 204.4\n", body, StringComparison.Ordinal);
        Assert.Contains("dcim_accelerator_health{device=\"npu-node-9\",device_class=\"accelerator_host\",site=\"hall1\",accelerator=\"0\",state=\"ok\"} 1\n", body, StringComparison.Ordinal);
    }
}
