using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DcimAgent.Snmp.Cli;

/// <summary>net-snmp agent addresses: <c>HOST</c>, <c>HOST:PORT</c>, <c>udp:HOST:PORT</c>, <c>udp6:[::1]:PORT</c>, <c>[::1]:PORT</c>.</summary>
public static class SnmpTargetParser
{
    public const int DefaultPort = 161;

    public static IPEndPoint Parse(string spec, int defaultPort = DefaultPort)
    {
        if (!TryParse(spec, out var host, out var port, defaultPort))
        {
            throw new FormatException($"bad target '{spec}' (HOST[:PORT] or udp:HOST:PORT)");
        }

        var addresses = IPAddress.TryParse(host, out var ip) ? [ip] : Dns.GetHostAddresses(host);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new FormatException($"cannot resolve '{host}'");
        return new IPEndPoint(chosen, port);
    }

    /// <summary>Splits without resolving.</summary>
    public static bool TryParse(string spec, out string host, out int port, int defaultPort = DefaultPort)
    {
        host = string.Empty;
        port = defaultPort;
        var s = spec.Trim();
        foreach (var prefix in new[] { "udp6:", "udpv6:", "udp:" })
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..];
                break;
            }
        }

        string? portText = null;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = s[1..close];
            var after = s[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                portText = after[1..];
            }
        }
        else if (s.Count(c => c == ':') == 1)
        {
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            host = s[..colon];
            portText = s[(colon + 1)..];
        }
        else
        {
            host = s;
        }

        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return false;
        }

        return host.Length > 0;
    }
}
