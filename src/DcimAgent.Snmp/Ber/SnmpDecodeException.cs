namespace DcimAgent.Snmp;

/// <summary>
/// The one exception thrown for malformed or unsupported bytes on the wire (bad BER per X.690, a message that
/// does not follow RFC 3416/3412/3414 structure). Expected protocol failures (timeouts, reports) are values.
/// </summary>
public sealed class SnmpDecodeException : Exception
{
    public SnmpDecodeException()
    {
    }

    public SnmpDecodeException(string message)
        : base(message)
    {
    }

    public SnmpDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Byte offset into the decoded buffer where the problem was found, or -1.</summary>
    public int Offset { get; init; } = -1;

    internal static SnmpDecodeException At(int offset, string message) =>
        new($"{message} (at offset {offset})") { Offset = offset };
}
