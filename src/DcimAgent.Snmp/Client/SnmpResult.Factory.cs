namespace DcimAgent.Snmp.Client;

/// <summary>Factories for <see cref="SnmpResult{T}"/>.</summary>
public static class SnmpResult
{
    public static SnmpResult<T> Ok<T>(T value) => new(value, null);

    public static SnmpResult<T> Fail<T>(SnmpError error) => new(default, error);

    public static SnmpResult<T> Fail<T>(SnmpErrorKind kind, string message) => new(default, new SnmpError(kind, message));
}
