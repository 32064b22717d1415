namespace DcimAgent.Configuration;

/// <summary>A config that cannot be run: carries every problem found, each with its location.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
        : this([])
    {
    }

    public ConfigException(string message)
        : this([new ConfigError("config", message)])
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner) => Errors = [new ConfigError("config", message)];

    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    public IReadOnlyList<ConfigError> Errors { get; }
}
