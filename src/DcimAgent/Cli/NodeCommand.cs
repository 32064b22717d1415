using DcimAgent.Configuration;
using DcimAgent.Hosting;
using DcimAgent.Model.Store;
using DcimAgent.Node;
using Microsoft.Extensions.Hosting;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent node</c>: node mode on a GPU/NPU host. Runs the collectors of <c>node:</c> and serves /metrics
/// and/or publishes dcim-json to MQTT; <c>--once</c> collects once and prints the exposition (the GPU check and
/// quick looks at a host).
/// </summary>
public static class NodeCommand
{
    private const string Help = """
        usage: dcim-agent node [--config FILE] [--once] [--collector TYPE [--path P] [--format F]]
                               [--device NAME] [--listen HOST:PORT]

        Reads the accelerator boards of this host (NVIDIA through NVML or nvidia-smi, Huawei Ascend through
        npu-smi, or a replayed capture) and serves them on /metrics (node.listen, else agent.listen) and/or
        publishes a dcim-json document per collection to node.publish.url.

          --config FILE        config file (default: $DCIM_AGENT_CONFIG, else /etc/dcim-agent/dcim-agent.yaml;
                               optional with --once and --collector)
          --once               collect once, print the exposition to stdout, exit 0 (1 if a collector failed)
          --collector TYPE     use only this collector: nvml, nvidia-smi, npu-smi, replay
          --path P             nvml: library; nvidia-smi/npu-smi: binary; replay: capture file
          --format F           replay: nvidia-smi-csv, nvidia-smi-xml, npu-smi, nvml-jsonl (default: by extension)
          --device NAME        the host's device label (default: node.device, else the host name)
          --listen HOST:PORT   where /metrics is served (overrides node.listen)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var a = CliArgs.Parse(args, ["--config", "--collector", "--path", "--format", "--device", "--listen"], ["--once"]);
        if (a.Help)
        {
            await stdout.WriteLineAsync(Help);
            return ExitCodes.Ok;
        }

        if (a.Positionals.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{a.Positionals[0]}'");
        }

        var config = await LoadAsync(a, stderr);
        if (config is null)
        {
            return ExitCodes.BadInput;
        }

        var node = config.Node ??= new NodeSection();
        if (a.Get("--collector") is { } type)
        {
            node.Collectors = [new NodeCollectorConfig { Type = type, Path = a.Get("--path"), Format = a.Get("--format") }];
        }
        else if (a.Has("--path") || a.Has("--format"))
        {
            throw new CliUsageException("--path and --format go with --collector");
        }

        node.Device = a.Get("--device") ?? node.Device;
        node.Listen = a.Get("--listen") ?? node.Listen;
        var errors = new List<string>();
        NodeConfigValidator.Validate(node, (path, message) => errors.Add($"{path}: {message}"));
        if (node.Collectors.Count == 0)
        {
            errors.Add("node.collectors: no collector configured (or give --collector)");
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                await stderr.WriteLineAsync($"dcim-agent node: {e}");
            }

            return ExitCodes.BadInput;
        }

        return a.Has("--once") ? await OnceAsync(config, stdout, stderr, ct) : await ServeAsync(config, ct);
    }

    private static async Task<AgentConfig?> LoadAsync(CliArgs a, TextWriter stderr)
    {
        var path = ConfigLoader.ResolvePath(a.Get("--config"));
        if (a.Get("--config") is null && a.Has("--collector") && !File.Exists(path))
        {
            return new AgentConfig();
        }

        var result = ConfigLoader.Load(path);
        if (!result.IsValid)
        {
            await CheckConfigCommand.ReportAsync(result, path, stderr);
            return null;
        }

        return result.Config;
    }

    private static async Task<int> OnceAsync(AgentConfig config, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var store = new SeriesStore();
        var host = NodeCollectors.Host(config);
        var failed = 0;
        foreach (var c in config.Node!.Collectors)
        {
            var collector = NodeCollectors.Create(c);
            try
            {
                var cycle = new NodeCycle(collector, host, store, null, TimeProvider.System);
                if (!await cycle.RunOnceAsync(ct))
                {
                    failed++;
                    var reason = cycle.Errors.Keys.First();
                    await stderr.WriteLineAsync($"dcim-agent node: collector {collector.Name} failed ({reason}): {cycle.LastError}");
                }
            }
            finally
            {
                (collector as IDisposable)?.Dispose();
            }
        }

        await stdout.WriteAsync(store.ToExpositionText());
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<int> ServeAsync(AgentConfig config, CancellationToken ct)
    {
        if (config.Node!.Listen is { } listen)
        {
            config.Agent.Listen = listen;
        }

        // AgentCollectors adds node mode for a config with node collectors, as it does for `run`.
        await using var app = AgentHost.Build(config);
        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Ok;
    }
}
