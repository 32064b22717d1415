namespace DcimAgent.Configuration;

/// <summary>A property holding a secret: masked in every output (check-config, logs, errors).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>A property that is not a YAML key.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigIgnoreAttribute : Attribute;
