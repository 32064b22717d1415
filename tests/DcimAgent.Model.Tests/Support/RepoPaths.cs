namespace DcimAgent.Model.Tests.Support;

/// <summary>Repository folders found by walking up from the test binaries to the folder holding DcimAgent.sln.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DcimAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no DcimAgent.sln above {AppContext.BaseDirectory}");
    });

    public static string RepoRoot => Root.Value;

    /// <summary>The shared fixtures checkout next to the repository (never copied into it).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Recordings => Path.Combine(Shared, "fixtures", "snmprec");

    public static string Profiles => Path.Combine(RepoRoot, "config", "profiles");

    public static string TestCases => Path.Combine(RepoRoot, "tests", "DcimAgent.Model.Tests", "testcases");
}
