namespace DcimAgent.Cli;

/// <summary>
/// The few option shapes the verbs share: <c>--name value</c>, <c>--name=value</c>, flags, and positionals.
/// Unknown options are errors, so a typo never silently changes what runs.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CliArgs()
    {
    }

    public List<string> Positionals { get; } = [];

    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> are options taking a value, <paramref name="flags"/> are switches.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var result = new CliArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "-h" or "--help" or "help" && i == 0 || a is "-h" or "--help")
            {
                result.Help = true;
                continue;
            }

            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                result.Positionals.Add(a);
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq] : a;
            if (valued.Contains(name))
            {
                string? value;
                if (eq > 0)
                {
                    value = a[(eq + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new CliUsageException($"option {name} needs a value");
                }

                result._options[name] = value;
            }
            else if (flags.Contains(name))
            {
                result._options[name] = "true";
            }
            else
            {
                throw new CliUsageException($"unknown option {name}");
            }
        }

        return result;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => _options.ContainsKey(name);
}

/// <summary>Bad command-line usage: printed with the verb's help hint, exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
