using System.Text;

namespace DcimAgent.Tests.Support;

/// <summary>
/// Collects everything a set of processes printed and looks for secrets in it: as text (any case, anywhere in a
/// line, so a community inside a URL or a device name counts), base64 and base64url (at each of the three byte
/// alignments a secret can have inside a longer encoded value, e.g. an HTTP Basic header), and hex (plain, upper
/// case, and with the space or colon separators of net-snmp's Hex-STRING and of MAC-style dumps).
/// </summary>
public sealed class SecretScanner(IReadOnlyDictionary<string, string> secrets)
{
    private readonly List<(string Source, string Text)> _outputs = [];

    public int Sources => _outputs.Count;

    public long BytesScanned => _outputs.Sum(o => (long)Encoding.UTF8.GetByteCount(o.Text));

    /// <summary>Adds one output (<paramref name="source"/> names the command and stream for the report).</summary>
    public void Add(string source, string text) => _outputs.Add((source, text));

    /// <summary>Every (secret name, form, source, context) found; empty when nothing leaked.</summary>
    public IReadOnlyList<string> Findings()
    {
        var findings = new List<string>();
        foreach (var (name, secret) in secrets)
        {
            foreach (var (form, needle) in Forms(secret))
            {
                foreach (var (source, text) in _outputs)
                {
                    var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
                    if (at >= 0)
                    {
                        var from = Math.Max(0, at - 60);
                        var context = text.Substring(from, Math.Min(text.Length - from, needle.Length + 120)).Replace('\n', '|');
                        findings.Add($"{name} ({form}) in {source}: ...{context}...");
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>The forms searched for one secret.</summary>
    public static IEnumerable<(string Form, string Needle)> Forms(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return ("text", secret);
        var hex = Convert.ToHexString(bytes);
        yield return ("hex", hex);
        yield return ("hex with spaces", string.Join(' ', Enumerable.Range(0, bytes.Length).Select(i => hex.Substring(i * 2, 2))));
        yield return ("hex with colons", string.Join(':', Enumerable.Range(0, bytes.Length).Select(i => hex.Substring(i * 2, 2))));
        for (var offset = 0; offset < 3; offset++)
        {
            // With `offset` bytes before it, the secret's first and last base64 quanta mix with its neighbours;
            // the characters between them depend on the secret alone.
            var encoded = Convert.ToBase64String([.. new byte[offset], .. bytes]);
            var core = offset == 0 && bytes.Length % 3 == 0 ? encoded : encoded[(offset == 0 ? 0 : 4)..^4];
            if (core.Length >= 8)
            {
                yield return ($"base64@{offset}", core);
                if (core.IndexOfAny(['+', '/']) >= 0)
                {
                    yield return ($"base64url@{offset}", core.Replace('+', '-').Replace('/', '_'));
                }
            }
        }
    }
}
