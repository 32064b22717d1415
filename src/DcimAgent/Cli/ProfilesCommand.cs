using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Polling;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent profiles list [--profiles DIR]... [-v]</c> and
/// <c>dcim-agent profiles match TARGET [snmp flags] [--snmprec FILE]</c>: what is loaded, and which profile
/// auto-detection picks for a device.
/// </summary>
public static class ProfilesCommand
{
    /// <summary>Runs the verb with the UDP SNMP client for <c>match</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await using var factory = new SnmpClientQuerierFactory();
        return await RunAsync(args, stdout, stderr, factory, ct);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ISnmpQuerierFactory? factory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            await stdout.WriteAsync(Usage);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        ProbeOptions options;
        try
        {
            options = ProbeOptions.Parse(args[1..], allowPositionalTarget: args[0] == "match");
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"dcim-agent profiles: {e.Message}");
            return ExitCodes.BadInput;
        }

        ProfileCatalog catalog;
        try
        {
            catalog = ProfileCatalog.Load(options.ProfilePaths.Count > 0 ? options.ProfilePaths : [ProfilePaths.Shipped]);
        }
        catch (ProfileLoadException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        switch (args[0])
        {
            case "list":
                foreach (var p in catalog.Profiles.OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    var match = string.Join(' ', p.Match.SysObjectIdPrefixes.Select(o => o.ToString()));
                    await stdout.WriteLineAsync($"{p.Name,-26} {p.DeviceClass,-8} {match}");
                    if (options.Verbose)
                    {
                        await stdout.WriteLineAsync($"    {p.Description}");
                        foreach (var note in p.Notes)
                        {
                            await stdout.WriteLineAsync($"    - {note}");
                        }
                    }
                }

                return ExitCodes.Ok;
            case "match":
                var querier = await options.CreateQuerierAsync(factory, stderr);
                if (querier is null)
                {
                    return ExitCodes.BadInput;
                }

                var detection = await PollSteps.DetectAsync(querier, catalog, ct);
                if (detection.Profile is null)
                {
                    await stderr.WriteLineAsync($"no profile: {detection.Error.Reason()}: {detection.Detail}");
                    return 1;
                }

                await stdout.WriteLineAsync($"{detection.Profile.Name} (sysObjectID {detection.Facts.SysObjectId?.ToString() ?? "-"}, class {detection.Profile.DeviceClass})");
                return ExitCodes.Ok;
            default:
                await stderr.WriteLineAsync($"dcim-agent profiles: unknown subcommand '{args[0]}' (list, match)");
                return ExitCodes.BadInput;
        }
    }

    private const string Usage = """
        usage: dcim-agent profiles list [--profiles DIR]... [-V]
               dcim-agent profiles match HOST[:PORT] [-v 1|2c|3] [-c COMMUNITY] [-u USER -l LEVEL -a AUTH -A PASS -x PRIV -X PASS -n CONTEXT]
                                         [-t SECONDS] [-r RETRIES] [--profiles DIR]... [--snmprec FILE]
          list    the loaded profiles: name, device class, sysObjectID prefixes (-V: notes)
          match   which profile auto-detection picks for a device (or a recording with --snmprec)

        """;
}
