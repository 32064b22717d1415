namespace DcimAgent.Node;

/// <summary>
/// A collection that failed in a way the operator must see but that must not stop the agent: the library or
/// binary is missing, the tool timed out or exited non-zero, its output did not parse. <see cref="Reason"/> is a
/// <c>dcim_poll_errors_total</c> reason.
/// </summary>
public sealed class CollectorException : Exception
{
    public CollectorException()
    {
        Reason = "other";
    }

    public CollectorException(string message)
        : this("other", message)
    {
    }

    public CollectorException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = "other";
    }

    public CollectorException(string reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>timeout, decode, refused or other.</summary>
    public string Reason { get; }
}
