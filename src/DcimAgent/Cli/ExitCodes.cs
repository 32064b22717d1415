namespace DcimAgent.Cli;

/// <summary>Process exit codes shared by every verb.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The operation ran and failed (device did not answer, payload rejected).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or bad configuration: nothing was run.</summary>
    public const int BadInput = 2;
}
