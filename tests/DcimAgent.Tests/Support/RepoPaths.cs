namespace DcimAgent.Tests.Support;

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

    public static string RepoFile(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The dcim-agent.dll built beside the tests (the host project is referenced).</summary>
    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "dcim-agent.dll");
}
