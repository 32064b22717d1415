using System.Text.RegularExpressions;
using DcimAgent.Snmp.Cli;
using DcimAgent.Snmp.Client;
using DcimAgent.Snmp.Tests.Support;
using DcimAgent.Snmp.Text;

namespace DcimAgent.Snmp.Tests.Integration;

/// <summary>Our walks against real snmpd equal net-snmp's own `snmpbulkwalk -On -Oe`, line for line.</summary>
[Trait("Category", "Integration")]
[Collection(SnmpdCollection.Name)]
public sealed partial class InteropMatrixTests(SnmpdFixture snmpd)
{
    public static TheoryData<string, string> Users => new()
    {
        // name, net-snmp flags (the AES256C row is compared against the Blumenthal user's walk)
        { "v1", "-v 1 -c public" },
        { "v2c", "-v 2c -c public" },
        { "peers-noauth", "-v 3 -l noAuthNoPriv -u peers-noauth" },
        { "peers-md5", "-v 3 -l authNoPriv -u peers-md5 -a MD5 -A peers-md5-pass" },
        { "peers-sha", "-v 3 -l authNoPriv -u peers-sha -a SHA -A peers-sha-pass" },
        { "peers-sha-aes", "-v 3 -l authPriv -u peers-sha-aes -a SHA -A peers-sha-pass -x AES -X peers-aes-pass" },
        { "peers-sha256-aes", "-v 3 -l authPriv -u peers-sha256-aes -a SHA-256 -A peers-sha256-pass -x AES -X peers-aes-pass" },
        { "peers-md5-des", "-v 3 -l authPriv -u peers-md5-des -a MD5 -A peers-md5-pass -x DES -X peers-des-pass" },
        { "peers-sha224-aes", "-v 3 -l authPriv -u peers-sha224-aes -a SHA-224 -A peers-sha224-pass -x AES -X peers-aes-pass" },
        { "peers-sha384-aes", "-v 3 -l authPriv -u peers-sha384-aes -a SHA-384 -A peers-sha384-pass -x AES -X peers-aes-pass" },
        { "peers-sha512-aes256", "-v 3 -l authPriv -u peers-sha512-aes256 -a SHA-512 -A peers-sha512-pass -x AES-256 -X peers-aes256-pass" },
        { "peers-sha-aes192", "-v 3 -l authPriv -u peers-sha-aes192 -a SHA -A peers-sha-pass -x AES-192 -X peers-aes192-pass" },
        { "peers-sha-aes256", "-v 3 -l authPriv -u peers-sha-aes256 -a SHA -A peers-sha-pass -x AES-256 -X peers-aes256-pass" },
        { "peers-sha-aes256c", "-v 3 -l authPriv -u peers-sha-aes256c -a SHA -A peers-sha-pass -x AES256C -X peers-aes256-pass" },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Walk_SystemAndInterfaces_EqualsNetSnmpBulkwalk(string name, string flags)
    {
        var args = flags.Split(' ');
        var options = SnmpCliOptions.Parse(args, out _);
        var target = options.ToTarget(snmpd.Address) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };
        var referenceFlags = name == "peers-sha-aes256c"
            ? "-v 3 -l authPriv -u peers-sha-aes256 -a SHA -A peers-sha-pass -x AES-256 -X peers-aes256-pass".Split(' ')
            : args;
        var tool = target.Version == Messages.SnmpVersion.V1 ? "snmpwalk" : "snmpbulkwalk";

        await using var client = new SnmpClient();
        foreach (var root in new[] { "1.3.6.1.2.1.1", "1.3.6.1.2.1.2" })
        {
            var ours = await client.WalkAsync(target, Oid.Parse(root), new WalkOptions { GetRootWhenEmpty = true, IncludeTerminalException = true });
            Assert.True(ours.IsSuccess, $"{name} {root}: {ours.Error}");
            var ourLines = ours.Value!.Select(vb => NetSnmpFormatter.FormatLine(vb)).SelectMany(l => l.Split('\n')).ToList();

            // -t/-r: the reference tool must not time out on a loaded CI machine.
            var (rc, stdout, stderr) = PeerTools.Run(tool, [.. referenceFlags, "-t", "5", "-r", "2", "-On", "-Oe", snmpd.Address, "." + root]);
            Assert.True(rc == 0, $"{tool} failed: {stderr}");
            var theirLines = stdout.TrimEnd('\n').Split('\n').ToList();

            Assert.True(ourLines.Count > 5, $"{name} {root}: only {ourLines.Count} lines");
            Assert.Equal(theirLines.Select(Normalize), ourLines.Select(Normalize));
        }
    }

    [Theory]
    [InlineData("-v 2c -c public")]
    [InlineData("-v 3 -l authPriv -u peers-sha256-aes -a SHA-256 -A peers-sha256-pass -x AES -X peers-aes-pass")]
    public async Task WalkMany_InterfaceColumnsAndSystem_EqualsWalkingEachSubtree(string flags)
    {
        var target = SnmpCliOptions.Parse(flags.Split(' '), out _).ToTarget(snmpd.Address) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };
        Oid[] roots = [Oid.Parse("1.3.6.1.2.1.2.2.1.2"), Oid.Parse("1.3.6.1.2.1.1"), Oid.Parse("1.3.6.1.2.1.2.2.1.3"), Oid.Parse("1.3.6.1.2.1.2.2.1.7"), Oid.Parse("1.3.6.1.2.1.31.1.1.1.1")];
        await using var client = new SnmpClient();
        var many = await client.WalkManyAsync(target, roots);
        Assert.True(many.IsSuccess, many.Error?.ToString());
        for (var i = 0; i < roots.Length; i++)
        {
            var one = await client.WalkAsync(target, roots[i]);
            Assert.True(one.IsSuccess, one.Error?.ToString());
            Assert.True(one.Value!.Count > 0, $"snmpd has nothing under {roots[i]}");
            Assert.Equal(one.Value.Select(v => Normalize(NetSnmpFormatter.FormatLine(v))), many.Results[i].Select(v => Normalize(NetSnmpFormatter.FormatLine(v))));
        }
    }

    /// <summary>Masks values that change between two walks (uptime, traffic counters on lo).</summary>
    private static string Normalize(string line)
    {
        line = CounterValue().Replace(line, "$1 N");
        return line.StartsWith(".1.3.6.1.2.1.1.3.0 = ", StringComparison.Ordinal) ? ".1.3.6.1.2.1.1.3.0 = Timeticks: T" : line;
    }

    [GeneratedRegex(@"(Counter32:|Counter64:) \d+$")]
    private static partial Regex CounterValue();
}
