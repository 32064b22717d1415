namespace DcimAgent.Model.Payloads;

/// <summary>
/// The one exception a mapper throws for bad input (wrong type, forbidden value, unknown alias). It never leaves
/// <see cref="PayloadMapper.Map"/>: it becomes a rejected <see cref="PayloadOutcome"/> and the half-built batch is
/// dropped, so a message is either stored whole or not at all.
/// </summary>
public sealed class PayloadException : Exception
{
    public PayloadException()
    {
    }

    public PayloadException(string message)
        : base(message)
    {
    }

    public PayloadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
