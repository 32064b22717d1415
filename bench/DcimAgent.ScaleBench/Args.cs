using System.Globalization;

namespace DcimAgent.ScaleBench;

/// <summary><c>--name value</c> options of a bench verb; a malformed one fails naming the option.</summary>
internal sealed class Args
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                name = a[2..];
                _values[name] = "true";
            }
            else if (name is not null)
            {
                _values[name] = a;
                name = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{a}'");
            }
        }
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) =>
        !_values.TryGetValue(name, out var v) ? fallback
        : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ArgumentException($"--{name} must be an integer, not '{v}'");

    public double GetDouble(string name, double fallback) =>
        !_values.TryGetValue(name, out var v) ? fallback
        : double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ArgumentException($"--{name} must be a number, not '{v}'");
}
