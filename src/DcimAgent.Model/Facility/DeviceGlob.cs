namespace DcimAgent.Model.Facility;

/// <summary>
/// Device-name patterns of the facility config: <c>*</c> matches any run of characters, <c>?</c> one character,
/// everything else itself (case-sensitive, like device names everywhere else in the agent).
/// </summary>
public static class DeviceGlob
{
    public static bool IsPattern(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    public static bool Matches(string pattern, string name) => Match(pattern.AsSpan(), name.AsSpan());

    public static bool MatchesAny(IReadOnlyList<string> patterns, string name)
    {
        foreach (var p in patterns)
        {
            if (Matches(p, name))
            {
                return true;
            }
        }

        return false;
    }

    // Iterative matcher with single-star backtracking: linear in practice, no recursion on hostile patterns.
    private static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> s)
    {
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && (p[pi] == '?' || p[pi] == s[si]))
            {
                pi++;
                si++;
            }
            else if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }
}
