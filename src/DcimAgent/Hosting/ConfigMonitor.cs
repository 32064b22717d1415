using DcimAgent.Configuration;

namespace DcimAgent.Hosting;

/// <summary>
/// The config in force and its changes. Collectors read <see cref="Current"/> and subscribe to
/// <see cref="Changed"/> to apply a reload (add new devices, drop removed ones, keep unchanged ones running).
/// </summary>
public sealed class ConfigMonitor
{
    private AgentConfig _current;

    public ConfigMonitor(AgentConfig initial, string? path)
    {
        _current = initial;
        Path = path;
    }

    /// <summary>The file the config came from (null when built in memory, e.g. in tests).</summary>
    public string? Path { get; }

    public AgentConfig Current => Volatile.Read(ref _current);

    /// <summary>Raised after a valid new config replaced the old one: (old, new).</summary>
    public event Action<AgentConfig, AgentConfig>? Changed;

    public void Apply(AgentConfig next)
    {
        var old = Interlocked.Exchange(ref _current, next);
        Changed?.Invoke(old, next);
    }
}
