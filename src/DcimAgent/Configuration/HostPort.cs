using System.Globalization;

namespace DcimAgent.Configuration;

/// <summary>HOST[:PORT] as written in the config: <c>10.1.0.11:161</c>, <c>pdu-a01</c>, <c>[::1]:9464</c>, <c>udp:HOST:PORT</c>.</summary>
public readonly record struct HostPort(string Host, int Port)
{
    public static bool TryParse(string? text, int defaultPort, out HostPort value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.StartsWith("udp:", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        string host;
        string? port = null;
        if (t.StartsWith('['))
        {
            var close = t.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = t[1..close];
            var rest = t[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = t.LastIndexOf(':');
            if (colon >= 0 && t.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                // Bare IPv6 without brackets: no port.
                host = t;
            }
            else if (colon >= 0)
            {
                host = t[..colon];
                port = t[(colon + 1)..];
            }
            else
            {
                host = t;
            }
        }

        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '@'))
        {
            return false;
        }

        var p = defaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p is < 1 or > 65535))
        {
            return false;
        }

        value = new HostPort(host, p);
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
