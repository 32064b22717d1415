namespace DcimAgent.Snmp.Client;

/// <summary>A value or an <see cref="SnmpError"/>.</summary>
public readonly struct SnmpResult<T>
{
    internal SnmpResult(T? value, SnmpError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public SnmpError? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>The value, or <see cref="InvalidOperationException"/> naming the error.</summary>
    public T GetValueOrThrow() => Error is null ? Value! : throw new InvalidOperationException(Error.ToString());

    public override string ToString() => IsSuccess ? $"Ok({Value})" : $"Error({Error})";
}
