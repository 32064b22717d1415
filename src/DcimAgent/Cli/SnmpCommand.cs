using DcimAgent.Snmp;
using DcimAgent.Snmp.Cli;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Text;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent snmp get|getnext|walk|bulkwalk [FLAGS] TARGET [OID...]</c>: net-snmp's tools for operators,
/// printing exactly what <c>snmpwalk -On -Oe</c> prints. Exit 0 on success, 1 on an SNMP failure, 2 on usage.
/// </summary>
public static class SnmpCommand
{
    private static readonly Oid DefaultWalkRoot = Oid.Parse("1.3.6.1.2.1");

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stderr.WriteLineAsync(UsageText).ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        var verb = args[0];
        if (verb is not ("get" or "getnext" or "walk" or "bulkwalk"))
        {
            await stderr.WriteLineAsync($"dcim-agent snmp: unknown verb '{verb}'\n{UsageText}").ConfigureAwait(false);
            return 2;
        }

        SnmpTarget target;
        List<Oid> oids;
        try
        {
            var options = SnmpCliOptions.Parse(args[1..], out var rest);
            if (rest.Count == 0)
            {
                throw new FormatException("missing TARGET");
            }

            target = options.ToTarget(rest[0]);
            oids = [];
            foreach (var text in rest.Skip(1))
            {
                oids.Add(Oid.TryParse(text, out var oid) ? oid : throw new FormatException($"'{text}' is not a numeric OID"));
            }

            if (oids.Count == 0 && verb is "get" or "getnext")
            {
                throw new FormatException("missing OID");
            }
        }
        catch (Exception e) when (e is FormatException or System.Net.Sockets.SocketException)
        {
            await stderr.WriteLineAsync($"dcim-agent snmp {verb}: {e.Message}\n{UsageText}").ConfigureAwait(false);
            return 2;
        }

        await using var client = new SnmpClient();
        return verb switch
        {
            "get" => await PrintAsync(await client.GetAsync(target, oids, ct).ConfigureAwait(false), stdout, stderr).ConfigureAwait(false),
            "getnext" => await PrintAsync(await client.GetNextAsync(target, oids, ct).ConfigureAwait(false), stdout, stderr).ConfigureAwait(false),
            _ => await WalkAsync(client, target, oids.Count > 0 ? oids : [DefaultWalkRoot], verb == "bulkwalk", stdout, stderr, ct).ConfigureAwait(false),
        };
    }

    private static async Task<int> WalkAsync(SnmpClient client, SnmpTarget target, List<Oid> roots, bool bulk, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var rc = 0;
        foreach (var root in roots)
        {
            var r = await client.WalkAsync(target, root, new WalkOptions { UseGetBulk = bulk, GetRootWhenEmpty = true, IncludeTerminalException = true }, ct).ConfigureAwait(false);
            var printed = await PrintAsync(r, stdout, stderr).ConfigureAwait(false);
            rc = Math.Max(rc, printed);
        }

        return rc;
    }

    private static async Task<int> PrintAsync(SnmpResult<IReadOnlyList<VarBind>> result, TextWriter stdout, TextWriter stderr)
    {
        var rows = result.IsSuccess ? result.Value! : result.Error!.PartialResults ?? [];
        foreach (var vb in rows)
        {
            await stdout.WriteLineAsync(NetSnmpFormatter.FormatLine(vb)).ConfigureAwait(false);
        }

        if (result.IsSuccess)
        {
            return 0;
        }

        var e = result.Error!;
        var message = e.Kind switch
        {
            SnmpErrorKind.Timeout => e.Message,
            SnmpErrorKind.Auth => $"Authentication failure: {e.Message}",
            SnmpErrorKind.Other => $"Error: {e.Message}",
            _ => $"Error in packet: {e.Message}",
        };
        await stderr.WriteLineAsync(message).ConfigureAwait(false);
        return 1;
    }

    public static string UsageText =>
        "usage: dcim-agent snmp get|getnext|walk|bulkwalk [OPTIONS] TARGET [OID...]\n" +
        "  TARGET  HOST[:PORT] or udp:HOST:PORT (port 161 by default)\n" +
        "  OPTIONS " + SnmpCliOptions.Usage;
}
