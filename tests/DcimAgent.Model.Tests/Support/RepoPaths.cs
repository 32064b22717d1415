namespace DcimAgent.Model.Tests.Support;

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

    /// <summary>The shipped device profiles.</summary>
    public static string Profiles => Path.Combine(Root, "config", "profiles");

    /// <summary>Golden testcases: one folder per recording, expected exposition inside.</summary>
    public static string TestCases => Path.Combine(Root, "tests", "DcimAgent.Model.Tests", "testcases");
}
