using DcimAgent.Model.Profiles;
using DcimAgent.Model.Store;
using DcimAgent.Polling;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent probe --target HOST:PORT [snmp flags] [--profile auto|NAME] [--device NAME]</c>: polls a device
/// once, like the agent would, and prints what the agent would export for it (device families only) as
/// Prometheus text. Exit 0 when the device answered, 1 with the reason on stderr when it did not.
/// </summary>
public static class SnmpProbe
{
    /// <summary>Probes through the UDP SNMP client.</summary>
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
        if (args.Contains("-h") || args.Contains("--help"))
        {
            await stdout.WriteAsync(Usage);
            return ExitCodes.Ok;
        }

        ProbeOptions options;
        try
        {
            options = ProbeOptions.Parse(args, allowPositionalTarget: false);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"dcim-agent probe: {e.Message}");
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

        if (options.Profile != "auto" && !catalog.TryGet(options.Profile, out _))
        {
            await stderr.WriteLineAsync($"dcim-agent probe: no profile named '{options.Profile}' (dcim-agent profiles list)");
            return ExitCodes.BadInput;
        }

        var querier = await options.CreateQuerierAsync(factory, stderr);
        if (querier is null)
        {
            return 1;
        }

        var store = new SeriesStore();
        var name = options.Device ?? options.Target ?? Path.GetFileNameWithoutExtension(options.Snmprec) ?? "probe";
        var target = new PollTarget(name, options.Profile, null, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), querier);
        var poller = new DevicePoller(catalog, store, TimeProvider.System, labelRefreshPolls: 1);
        var budget = (options.Timeout * (options.Retries + 1) * 20) + TimeSpan.FromSeconds(5);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(budget);
        var outcome = await poller.PollOnceAsync(target, cts.Token, ct);
        await stdout.WriteAsync(store.ToExpositionText());
        if (!outcome.Up)
        {
            await stderr.WriteLineAsync($"{name}: no answer: {outcome.Error.ToString().ToLowerInvariant()}: {outcome.Detail}");
            return 1;
        }

        await stderr.WriteLineAsync($"{name}: profile {target.Profile?.Name}, {outcome.Samples} samples from {outcome.VarBinds} varbinds in {outcome.Duration.TotalMilliseconds:0} ms");
        return ExitCodes.Ok;
    }

    private const string Usage = """
        usage: dcim-agent probe --target HOST[:PORT] [-v 1|2c|3] [-c COMMUNITY]
                                [-u USER -l noAuthNoPriv|authNoPriv|authPriv -a AUTH -A PASS -x PRIV -X PASS -n CONTEXT]
                                [-t SECONDS] [-r RETRIES] [--profile auto|NAME] [--device NAME] [--profiles DIR]...
               dcim-agent probe --snmprec FILE [--profile auto|NAME] [--device NAME]
          Polls once and prints the device's normalized series as Prometheus text on stdout.
          Exit 0 when the device answered, 1 otherwise (reason on stderr).

        """;
}
