namespace DcimAgent.Tests.Rules;

/// <summary>One alerting rule of config/alerts/*.yml as the tests need it.</summary>
public sealed record AlertRule(
    string File,
    string Alert,
    string Expr,
    string? For,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    public string Severity => Labels.GetValueOrDefault("severity", string.Empty);
}
