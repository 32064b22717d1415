using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Accelerators;

/// <summary>
/// Finds tests/fixtures through <see cref="RepoPaths"/> and turns a capture into
/// exposition text. Golden files live beside the tests in Golden/; set DCIM_UPDATE_GOLDEN=1 to rewrite them
/// after a reviewed change.
/// </summary>
internal static class AcceleratorFixtures
{
    public static readonly DeviceIdentity Host = new("gpu-node-01", "accelerator_host", new Dictionary<string, string> { ["site"] = "hall1", ["rack"] = "r07" });

    public static string RepoRoot => RepoPaths.Root;

    public static string Fixtures => RepoPaths.Fixtures;

    public static string Ascend(string file) => Path.Combine(Fixtures, "ascend", file);

    public static string H100(string file) => Path.Combine(Fixtures, "accelerators", "nvidia-h100", file);

    public static string Read(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"fixture missing: {path} (is tests/fixtures complete the repository?)");

    /// <summary>Replays every frame of a capture into a store (timestamps from the capture, else 1 s apart).</summary>
    public static SeriesStore Store(string text, CaptureFormat format)
    {
        var store = new SeriesStore();
        var integrator = new PowerEnergyIntegrator();
        var t = 1_800_000_000_000L;
        foreach (var frame in CaptureReader.Read(text, format))
        {
            var ts = frame.TimestampMs ?? t;
            integrator.Apply(frame.Boards, ts);
            AcceleratorSampleMapper.Write(frame.Boards, Host, ts, store);
            t += 1000;
        }

        return store;
    }

    public static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(RepoRoot, "tests", "DcimAgent.Model.Tests", "Accelerators", "Golden", name + ".prom");
        if (Environment.GetEnvironmentVariable("DCIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file missing: {path} (run once with DCIM_UPDATE_GOLDEN=1 and review it)");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
