namespace DcimAgent.Tests.Support;

/// <summary>Locates the repository root (the folder holding DcimAgent.sln), its fixtures and its test peers.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DcimAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DcimAgent.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    /// <summary>Data written by others (recordings, MIBs, captures), copied byte-exact with its provenance.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    /// <summary>The project's peer scripts (install, start and stop snmpd, snmpsimd, mosquitto, ...).</summary>
    public static string PeerScript(string name) => Path.Combine(Root, "tests", "peers", name);

    public static string RepoFile(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The dcim-agent.dll built beside the tests (the host project is referenced).</summary>
    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "dcim-agent.dll");
}
