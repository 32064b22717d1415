using System.Globalization;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Messages;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Snmp.Cli;

/// <summary>
/// net-snmp style command-line options (snmpcmd(1)): -v -c -u -l -a -A -x -X -n -e -t -r -Cr, with the value
/// either attached (<c>-v2c</c>) or in the next word. Shared by every verb that talks SNMP.
/// </summary>
public sealed record SnmpCliOptions
{
    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    public string Community { get; init; } = "public";

    public string? User { get; init; }

    public SecurityLevel? Level { get; init; }

    public AuthProtocol Auth { get; init; } = AuthProtocol.Md5;

    public string? AuthPassword { get; init; }

    public PrivProtocol Priv { get; init; } = PrivProtocol.Des;

    public string? PrivPassword { get; init; }

    public string ContextName { get; init; } = string.Empty;

    public byte[]? EngineId { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    public int Retries { get; init; } = 5;

    public int MaxRepetitions { get; init; } = 10;

    /// <summary>The flags this parser understands, for usage text.</summary>
    public const string Usage =
        "-v 1|2c|3 -c COMMUNITY -u USER -l noAuthNoPriv|authNoPriv|authPriv -a MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512 " +
        "-A PASS -x DES|AES|AES-192|AES-256|AES192C|AES256C -X PASS -n CONTEXT -e ENGINEID -t SECONDS -r RETRIES -Cr REPS";

    /// <summary>
    /// Parses the flags out of <paramref name="args"/>; everything else (target, OIDs) is returned in order in
    /// <paramref name="remaining"/>. Throws <see cref="FormatException"/> naming the bad flag.
    /// </summary>
    public static SnmpCliOptions Parse(IReadOnlyList<string> args, out IReadOnlyList<string> remaining)
    {
        var o = new SnmpCliOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length < 2 || a[0] != '-' || a == "--")
            {
                if (a == "--")
                {
                    rest.AddRange(args.Skip(i + 1));
                    break;
                }

                rest.Add(a);
                continue;
            }

            var flag = a.StartsWith("-C", StringComparison.Ordinal) && a.Length >= 3 ? a[..3] : a[..2];
            string Value()
            {
                if (a.Length > flag.Length)
                {
                    return a[flag.Length..];
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"option {flag} needs a value");
                }

                return args[++i];
            }

            o = flag switch
            {
                "-v" => o with { Version = ParseVersion(Value()) },
                "-c" => o with { Community = Value() },
                "-u" => o with { User = Value() },
                "-l" => o with { Level = ParseLevel(Value()) },
                "-a" => o with { Auth = ParseAuth(Value()) },
                "-A" => o with { AuthPassword = Value() },
                "-x" => o with { Priv = ParsePriv(Value()) },
                "-X" => o with { PrivPassword = Value() },
                "-n" => o with { ContextName = Value() },
                "-e" => o with { EngineId = ParseHex(Value()) },
                "-t" => o with { Timeout = TimeSpan.FromSeconds(ParseNumber(Value(), "-t", 0.001)) },
                "-r" => o with { Retries = (int)ParseNumber(Value(), "-r", 0) },
                "-Cr" => o with { MaxRepetitions = (int)ParseNumber(Value(), "-Cr", 1) },
                _ => throw new FormatException($"unknown option {a}"),
            };
        }

        remaining = rest;
        return o;
    }

    private static double ParseNumber(string s, string flag, double min)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min)
        {
            throw new FormatException($"bad value for {flag}: '{s}'");
        }

        return v;
    }

    public static SnmpVersion ParseVersion(string s) => s switch
    {
        "1" => SnmpVersion.V1,
        "2c" or "2" => SnmpVersion.V2c,
        "3" => SnmpVersion.V3,
        _ => throw new FormatException($"bad SNMP version '{s}' (1, 2c or 3)"),
    };

    public static SecurityLevel ParseLevel(string s) => s.ToUpperInvariant() switch
    {
        "NOAUTHNOPRIV" or "1" or "NOAUTH" or "NANP" => SecurityLevel.NoAuthNoPriv,
        "AUTHNOPRIV" or "2" or "AUTH" or "ANP" => SecurityLevel.AuthNoPriv,
        "AUTHPRIV" or "3" or "PRIV" or "AP" => SecurityLevel.AuthPriv,
        _ => throw new FormatException($"bad security level '{s}'"),
    };

    public static AuthProtocol ParseAuth(string s) => s.ToUpperInvariant() switch
    {
        "MD5" => AuthProtocol.Md5,
        "SHA" or "SHA1" or "SHA-1" => AuthProtocol.Sha1,
        "SHA-224" or "SHA224" => AuthProtocol.Sha224,
        "SHA-256" or "SHA256" => AuthProtocol.Sha256,
        "SHA-384" or "SHA384" => AuthProtocol.Sha384,
        "SHA-512" or "SHA512" => AuthProtocol.Sha512,
        _ => throw new FormatException($"bad auth protocol '{s}'"),
    };

    public static PrivProtocol ParsePriv(string s) => s.ToUpperInvariant() switch
    {
        "DES" => PrivProtocol.Des,
        "AES" or "AES128" or "AES-128" => PrivProtocol.Aes128,
        "AES-192" or "AES192" => PrivProtocol.Aes192,
        "AES-256" or "AES256" => PrivProtocol.Aes256,
        "AES192C" or "AES-192C" => PrivProtocol.Aes192C,
        "AES256C" or "AES-256C" => PrivProtocol.Aes256C,
        _ => throw new FormatException($"bad privacy protocol '{s}'"),
    };

    /// <summary>Hex engine id, with or without 0x.</summary>
    public static byte[] ParseHex(string s)
    {
        var hex = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"bad engine id '{s}' (hex expected)");
        }
    }

    /// <summary>The USM user these options describe (level defaults as net-snmp: noAuthNoPriv).</summary>
    public UsmCredentials ToCredentials()
    {
        if (string.IsNullOrEmpty(User))
        {
            throw new FormatException("SNMPv3 needs a user (-u)");
        }

        var level = Level ?? SecurityLevel.NoAuthNoPriv;
        var creds = new UsmCredentials(User, level,
            level >= SecurityLevel.AuthNoPriv ? Auth : AuthProtocol.None,
            level >= SecurityLevel.AuthNoPriv ? AuthPassword : null,
            level == SecurityLevel.AuthPriv ? Priv : PrivProtocol.None,
            level == SecurityLevel.AuthPriv ? PrivPassword : null);
        try
        {
            creds.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message);
        }

        return creds;
    }

    /// <summary>A target for <paramref name="targetSpec"/> (see <see cref="SnmpTargetParser"/>) with these options.</summary>
    public SnmpTarget ToTarget(string targetSpec) => new()
    {
        EndPoint = SnmpTargetParser.Parse(targetSpec),
        Version = Version,
        Community = Community,
        User = Version == SnmpVersion.V3 ? ToCredentials() : null,
        ContextName = ContextName,
        EngineId = EngineId,
        Timeout = Timeout,
        Retries = Retries,
        MaxRepetitions = MaxRepetitions,
    };

    /// <summary>Secrets are not printed.</summary>
    public override string ToString() => $"SnmpCliOptions {{ {Version}, user {User}, level {Level} }}";
}
