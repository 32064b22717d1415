namespace DcimAgent.Cli;

/// <summary>Where <c>probe --target</c> goes: the SNMP poller's one-shot probe.</summary>
internal static class SnmpProbeDispatch
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        _ = args;
        _ = stdout;
        _ = ct;
        await stderr.WriteLineAsync("dcim-agent probe --target: the SNMP poller is not part of this build");
        return ExitCodes.BadInput;
    }
}
