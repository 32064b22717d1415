namespace DcimAgent.Model.Accelerators;

/// <summary>
/// Output of nvidia-smi, npu-smi or an NVML capture that cannot be read. The message names the format and the
/// line (or element) so an operator can find it; collectors count it as a <c>decode</c> error.
/// </summary>
public sealed class AcceleratorParseException : FormatException
{
    public AcceleratorParseException()
    {
    }

    public AcceleratorParseException(string message)
        : base(message)
    {
    }

    public AcceleratorParseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public AcceleratorParseException(string format, int line, string problem)
        : base($"{format} line {line}: {problem}")
    {
        Line = line;
    }

    /// <summary>1-based line of the input, or 0 when the problem is not on one line.</summary>
    public int Line { get; }
}
