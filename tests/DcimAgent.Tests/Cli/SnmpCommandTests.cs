using System.Diagnostics;
using DcimAgent.Tests.Support;
using System.Text.RegularExpressions;
using DcimAgent.Cli;

namespace DcimAgent.Tests.Cli;

/// <summary>`dcim-agent snmp bulkwalk` against real snmpd prints what snmpbulkwalk -On -Oe prints.</summary>
[Trait("Category", "Integration")]
public sealed partial class SnmpCommandTests
{
    private const int Port = 17040;
    private static string ToolsDir => Path.Combine(RepoPaths.Root, "tests", "peers");

    private static (int Rc, string Out, string Err) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit(60_000);
        return (p.ExitCode, o.Result, e.Result);
    }

    [Fact]
    public async Task Bulkwalk_V3AuthPrivAes256_EqualsSnmpbulkwalk()
    {
        var start = Run(Path.Combine(ToolsDir, "snmpd-start.sh"), Port.ToString());
        Assert.True(start.Rc == 0, "snmpd missing? run tests/peers/install.sh: " + start.Out + start.Err);
        try
        {
            string[] flags = ["-v", "3", "-l", "authPriv", "-u", "peers-sha-aes256", "-a", "SHA", "-A", "peers-sha-pass", "-x", "AES-256", "-X", "peers-aes256-pass"];
            foreach (var root in new[] { ".1.3.6.1.2.1.1", ".1.3.6.1.2.1.2" })
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var rc = await SnmpCommand.RunAsync(["bulkwalk", .. flags, $"127.0.0.1:{Port}", root], stdout, stderr, CancellationToken.None);
                Assert.True(rc == 0, stderr.ToString());
                var theirs = Run("snmpbulkwalk", [.. flags, "-On", "-Oe", $"127.0.0.1:{Port}", root]);
                Assert.Equal(Normalize(theirs.Out), Normalize(stdout.ToString()));
                Assert.DoesNotContain("peers-sha-pass", stdout.ToString() + stderr, StringComparison.Ordinal);
            }

            using var err = new StringWriter();
            var bad = await SnmpCommand.RunAsync(["get", "-v", "3", "-l", "authNoPriv", "-u", "peers-sha", "-a", "SHA", "-A", "wrong-password", "-r", "0", $"127.0.0.1:{Port}", ".1.3.6.1.2.1.1.5.0"], TextWriter.Null, err, CancellationToken.None);
            Assert.Equal(1, bad);
            Assert.Contains("wrongDigests", err.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-password", err.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Run(Path.Combine(ToolsDir, "snmpd-stop.sh"), Port.ToString());
        }
    }

    private static string Normalize(string text) =>
        Uptime().Replace(Counter().Replace(text.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n'), "$1 N"), ".1.3.6.1.2.1.1.3.0 = T");

    [GeneratedRegex(@"(Counter32:|Counter64:) \d+$", RegexOptions.Multiline)]
    private static partial Regex Counter();

    [GeneratedRegex(@"^\.1\.3\.6\.1\.2\.1\.1\.3\.0 = .*$", RegexOptions.Multiline)]
    private static partial Regex Uptime();
}
