namespace DcimAgent.Model.Facility;

/// <summary>The state file cannot be trusted: it does not parse, or a value in it is impossible.</summary>
public sealed class LedgerStateException : Exception
{
    public LedgerStateException()
    {
    }

    public LedgerStateException(string message)
        : base(message)
    {
    }

    public LedgerStateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
