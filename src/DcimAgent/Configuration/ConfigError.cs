namespace DcimAgent.Configuration;

/// <summary>One problem in a config file: where it is (file:line or a key path with its line) and what is wrong.</summary>
public sealed record ConfigError(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
