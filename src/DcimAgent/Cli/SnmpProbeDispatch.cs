namespace DcimAgent.Cli;

/// <summary>Where <c>probe --target</c> goes: the SNMP poller's one-shot probe.</summary>
internal static class SnmpProbeDispatch
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        SnmpProbe.RunAsync(args, stdout, stderr, ct);
}
