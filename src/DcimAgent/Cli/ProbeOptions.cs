using System.Globalization;
using DcimAgent.Configuration;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Polling;

namespace DcimAgent.Cli;

/// <summary>
/// The options <c>probe</c> and <c>profiles match</c> share: the target, net-snmp style credential flags
/// (-v -c -u -l -a -A -x -X -n -t -r), profile folders, and <c>--snmprec FILE</c> to answer from a recording.
/// </summary>
public sealed class ProbeOptions
{
    public string? Target { get; private set; }

    public string Profile { get; private set; } = "auto";

    public string? Device { get; private set; }

    public string? Snmprec { get; private set; }

    public bool Verbose { get; private set; }

    public List<string> ProfilePaths { get; } = [];

    public SnmpCredential Credential { get; } = new() { Name = "cli", Version = "2c", Community = "public" };

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(2);

    public int Retries { get; private set; } = 1;

    public static ProbeOptions Parse(IReadOnlyList<string> args, bool allowPositionalTarget)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new ProbeOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new CliUsageException($"option {a} needs a value");
            switch (a)
            {
                case "--target": o.Target = Value(); break;
                case "--profile": o.Profile = Value(); break;
                case "--device": o.Device = Value(); break;
                case "--profiles": o.ProfilePaths.Add(Value()); break;
                case "--snmprec": o.Snmprec = Value(); break;
                case "-V" or "--verbose": o.Verbose = true; break;
                case "-v": o.Credential.Version = Value(); break;
                case "-c": o.Credential.Community = Value(); break;
                case "-u": o.Credential.Username = Value(); break;
                case "-l": o.Credential.SecurityLevel = Value(); break;
                case "-a": o.Credential.AuthProtocol = Value(); break;
                case "-A": o.Credential.AuthPassword = Value(); break;
                case "-x": o.Credential.PrivProtocol = Value(); break;
                case "-X": o.Credential.PrivPassword = Value(); break;
                case "-n": o.Credential.Context = Value(); break;
                case "-t": o.Timeout = TimeSpan.FromSeconds(Number(a, Value())); break;
                case "-r": o.Retries = (int)Number(a, Value()); break;
                default:
                    if (allowPositionalTarget && !a.StartsWith('-') && o.Target is null)
                    {
                        o.Target = a;
                        break;
                    }

                    throw new CliUsageException($"unknown option '{a}'");
            }
        }

        return o;
    }

    /// <summary>The querier for the target or recording; null (reason on stderr) when neither can be had.</summary>
    public async Task<ISnmpQuerier?> CreateQuerierAsync(ISnmpQuerierFactory? factory, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (Snmprec is not null)
        {
            try
            {
                return new SnmprecQuerier(SnmprecFile.Load(Snmprec));
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"cannot read recording: {e.Message}");
                return null;
            }
        }

        if (Target is null)
        {
            await stderr.WriteLineAsync("a target is needed: --target HOST:PORT (or --snmprec FILE)");
            return null;
        }

        if (factory is null)
        {
            await stderr.WriteLineAsync("this build has no SNMP client registered; use --snmprec FILE to probe a recording");
            return null;
        }

        var target = new SnmpTargetConfig { Name = Device ?? Target, Address = Target, Credentials = Credential.Name, Profile = Profile };
        var defaults = new SnmpDefaults { Timeout = Timeout, Retries = Retries };
        return factory.Create(target, Credential, defaults);
    }

    private static double Number(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
            ? d
            : throw new CliUsageException($"option {option} needs a number, not '{text}'");
}
