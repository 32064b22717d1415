using DcimAgent.Facility;
using DcimAgent.Model.Facility;
using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Facility;

public sealed class LedgerStateFileTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static LedgerState State(double joules) => new()
    {
        SavedWallMs = 42,
        Roles = [new LedgerTotalState { Site = "hall1", Name = "it", EnergyJoules = joules, Meters = ["pdu-1"] }],
    };

    [Fact]
    public void Load_AfterTwoSaves_ReturnsTheLastAndLeavesNoTempFile()
    {
        using var dir = new TempDir();
        var file = new LedgerStateFile(Path.Combine(dir.Path, "state"));
        file.Save(State(1000));
        file.Save(State(2500.5));

        var loaded = file.Load(Now);

        Assert.Equal(2500.5, loaded.State!.Roles[0].EnergyJoules);
        Assert.Null(loaded.Problem);
        Assert.Equal([LedgerStateFile.FileName], Directory.GetFiles(file.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Load_NoFile_IsAFirstStartWithoutProblem()
    {
        using var dir = new TempDir();
        var loaded = new LedgerStateFile(Path.Combine(dir.Path, "absent")).Load(Now);

        Assert.Null(loaded.State);
        Assert.Null(loaded.Problem);
        Assert.Null(loaded.MovedAsideTo);
    }

    [Fact]
    public void Load_CorruptFile_IsMovedAsideAndReportedNotTrusted()
    {
        using var dir = new TempDir();
        var file = new LedgerStateFile(dir.Path);
        File.WriteAllText(file.FilePath, "{\"version\":1,\"roles\":[{\"site\":\"hall1\",\"name\":\"it\",\"energy_joules\":1e400}]}");

        var loaded = file.Load(Now);

        Assert.Null(loaded.State);
        Assert.Equal(file.FilePath + ".corrupt-20250304T050607Z", loaded.MovedAsideTo);
        Assert.Equal(file.FilePath + ": roles[0].energy_joules is Infinity, not a finite non-negative number", loaded.Problem);
        Assert.False(File.Exists(file.FilePath));
        Assert.True(File.Exists(loaded.MovedAsideTo));
    }
}
