namespace DcimAgent.Model.Profiles;

/// <summary>A profile file that cannot be used; each error names file:line and the key path.</summary>
public sealed class ProfileLoadException : Exception
{
    public ProfileLoadException()
        : this([])
    {
    }

    public ProfileLoadException(string message)
        : this([message])
    {
    }

    public ProfileLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public ProfileLoadException(IReadOnlyList<string> errors)
        : base(errors.Count == 1 ? errors[0] : $"{errors.Count} profile errors:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}")
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
