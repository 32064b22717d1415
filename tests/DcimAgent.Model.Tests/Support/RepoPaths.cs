namespace DcimAgent.Model.Tests.Support;

/// <summary>Locates the repository root (the folder holding DcimAgent.sln) and ../shared beside it.</summary>
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

    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : throw new InvalidOperationException($"../shared not found beside the repository ({shared})");
        }
    }

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    /// <summary>The shipped device profiles.</summary>
    public static string Profiles => Path.Combine(Root, "config", "profiles");

    /// <summary>Golden testcases: one folder per recording, expected exposition inside.</summary>
    public static string TestCases => Path.Combine(Root, "tests", "DcimAgent.Model.Tests", "testcases");
}
