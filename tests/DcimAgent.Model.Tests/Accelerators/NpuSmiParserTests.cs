using DcimAgent.Model.Accelerators;

namespace DcimAgent.Model.Tests.Accelerators;

/// <summary>The ground truth of tests/fixtures/ascend/README.md, value by value.</summary>
public sealed class NpuSmiParserTests
{
    private const double MiB = 1024 * 1024;

    private static IReadOnlyList<AcceleratorReading> Parse(string file) => NpuSmiParser.Parse(AcceleratorFixtures.Read(AcceleratorFixtures.Ascend(file)));

    [Fact]
    public void Parse_910B3Table_GivesEightBoardsWithReadmeValues()
    {
        var b = Parse("npu-smi-info_910B3x8_24.1.rc2_vllm-ascend-issue250.txt");

        Assert.Equal(8, b.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], b.Select(r => r.Index));
        Assert.Equal(96.8, b[0].PowerWatts);
        Assert.Equal(32, b[0].TemperatureCelsius);
        Assert.Equal(54592 * MiB, b[0].MemoryUsedBytes);
        Assert.Equal(65536 * MiB, b[0].MemoryTotalBytes);
        Assert.Equal("0000:C1:00.0", b[0].PciBusId);
        Assert.Equal(87.9, b[1].PowerWatts);
        Assert.Equal(30, b[1].TemperatureCelsius);
        Assert.Equal(92.0, b[7].PowerWatts);
        Assert.Equal(37, b[7].TemperatureCelsius);
        Assert.Equal(53401 * MiB, b[7].MemoryUsedBytes);
        Assert.All(b, r => Assert.Equal(AcceleratorHealth.Ok, r.Health));
        Assert.All(b, r => Assert.Equal(0, r.UtilizationRatio));
        Assert.All(b, r => Assert.Equal("Ascend 910B3", r.Model));
        Assert.All(b, r => Assert.Equal("24.1.rc2", r.Driver));
    }

    [Fact]
    public void Parse_910TableWithRedactedNames_KeepsValuesAndDropsTheRedactedModel()
    {
        var b = Parse("npu-smi-info_910x8_23.0.rc3_mindcluster-doc.txt");

        Assert.Equal(8, b.Count);
        Assert.Equal(73.4, b[0].PowerWatts);
        Assert.Equal(44, b[0].TemperatureCelsius);
        Assert.Equal(30710 * MiB, b[0].MemoryUsedBytes);
        Assert.Equal(32768 * MiB, b[0].MemoryTotalBytes);
        Assert.Equal(67.0, b[5].PowerWatts);
        Assert.Equal(36, b[5].TemperatureCelsius);
        Assert.All(b, r => Assert.Null(r.Model));
        Assert.All(b, r => Assert.Equal("23.0.rc2.3", r.Driver));
    }

    [Fact]
    public void Parse_310Table_UsesDdrAsDeviceMemory()
    {
        var r = Assert.Single(Parse("npu-smi-info_310x1_23.0.0_hpckurt-readme.txt"));

        Assert.Equal(12.8, r.PowerWatts);
        Assert.Equal(61, r.TemperatureCelsius);
        Assert.Equal(577 * MiB, r.MemoryUsedBytes);
        Assert.Equal(7759 * MiB, r.MemoryTotalBytes);
        Assert.Equal("0000:01:00.0", r.PciBusId);
        Assert.Equal("Ascend 310", r.Model);
    }

    [Fact]
    public void Parse_950Table_ReadsTheNpuIdCellLayout()
    {
        var r = Assert.Single(Parse("npu-smi-info_950x1_hicann-doc.txt"));

        Assert.Equal(0, r.Index);
        Assert.Equal(204.4, r.PowerWatts);
        Assert.Equal(56, r.TemperatureCelsius);
        Assert.Equal(4439 * MiB, r.MemoryUsedBytes);
        Assert.Equal(86016 * MiB, r.MemoryTotalBytes);
        Assert.Equal("0000:91:00.0", r.PciBusId);
        Assert.Equal(0, r.UtilizationRatio);
        Assert.Null(r.Driver);
    }

    [Fact]
    public void Parse_A3TwoDieLayout_SecondDieHasNoPowerAndOwnIndex()
    {
        // The A3 (910_93) layout: "Chip Phy-ID", two dies per NPU, full-width rule between dies, power "-" on die 1.
        const string table = """
            +------------------------------------------------------------------------------------------------+
            | npu-smi 24.1.rc3                 Version: 24.1.rc3                                             |
            +---------------------------+---------------+----------------------------------------------------+
            | NPU   Name                | Health        | Power(W)    Temp(C)           Hugepages-Usage(page)|
            | Chip  Phy-ID              | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |
            +===========================+===============+====================================================+
            | 0     Ascend910           | OK            | 171.2       35                0    / 0             |
            | 0     0                   | 0000:9D:00.0  | 3           0    / 0          3400 / 65536         |
            +------------------------------------------------------------------------------------------------+
            | 0     Ascend910           | Warning       | -           34                0    / 0             |
            | 1     1                   | 0000:9F:00.0  | 12          0    / 0          3111 / 65536         |
            +===========================+===============+====================================================+
            | 1     Ascend910           | OK            | 168.0       36                0    / 0             |
            | 0     2                   | 0000:99:00.0  | 0           0    / 0          3002 / 65536         |
            +------------------------------------------------------------------------------------------------+
            | 1     Ascend910           | OK            | -           36                0    / 0             |
            | 1     3                   | 0000:9B:00.0  | 0           0    / 0          3001 / 65536         |
            +===========================+===============+====================================================+
            """;

        var b = NpuSmiParser.Parse(table);

        Assert.Equal(4, b.Count);
        Assert.Equal([0, 1, 2, 3], b.Select(r => r.Index));
        Assert.Equal(171.2, b[0].PowerWatts);
        Assert.Null(b[1].PowerWatts);
        Assert.Equal(34, b[1].TemperatureCelsius);
        Assert.Equal(0.12, b[1].UtilizationRatio);
        Assert.Equal(AcceleratorHealth.Warning, b[1].Health);
        Assert.Equal((1, 1), (b[3].NpuId!.Value, b[3].ChipId!.Value));
        Assert.Equal(3001 * MiB, b[3].MemoryUsedBytes);
        Assert.Equal("Ascend910", b[2].Model);
    }

    [Fact]
    public void Parse_FaultdiagCapture_MergesChipListBoardUsagesAndHealth()
    {
        var b = Parse("faultdiag-npu_info_before_910A.txt");

        Assert.Equal(8, b.Count);
        Assert.All(b, r => Assert.Equal("Ascend 910A", r.Model));
        var r0 = b[0];
        Assert.Equal(31129 * MiB, r0.MemoryTotalBytes);
        Assert.Equal(0, r0.MemoryUsedBytes);
        Assert.Equal(0, r0.UtilizationRatio);
        Assert.Equal("23.0.5", r0.Driver);
        Assert.Equal("0000:61:00.0", r0.PciBusId);
        Assert.Equal(AcceleratorHealth.Ok, r0.Health);
        Assert.Equal("42C711D4-20B03704-4A10C8D4-14CC040A-D2102003", r0.Uuid);
        // The optical module's "temperature : 47 C" belongs to hccn_tool, not to a board.
        Assert.All(b, r => Assert.Null(r.TemperatureCelsius));
    }

    [Fact]
    public void Parse_CommonView_ReadsClockPowerTemperature()
    {
        var r = Assert.Single(Parse("npu-smi-info-t-common_910_mindcluster-doc.txt"));

        Assert.Equal(900e6, r.CoreClockHertz);
        Assert.Equal(41, r.TemperatureCelsius);
        Assert.Equal(71.7, r.PowerWatts);
        Assert.Equal(0, r.UtilizationRatio);
    }

    [Theory]
    [InlineData("npu-smi-info-t-power-i0_950_hicann-doc.txt", 296.5, null)]
    [InlineData("telegraf-npu_smi-test_910B_power.txt", 103.5, null)]
    [InlineData("npu-smi-info-t-temp-i0_950_hicann-doc.txt", null, 53.0)]
    public void Parse_PowerAndTempViews_GiveNpuZeroValues(string file, double? watts, double? celsius)
    {
        var r = Assert.Single(Parse(file));

        Assert.Equal(0, r.Index);
        Assert.Equal(watts, r.PowerWatts);
        Assert.Equal(celsius, r.TemperatureCelsius);
    }

    [Fact]
    public void Parse_MemoryView_ReadsHbmCapacityClockAndTemperature()
    {
        var r = Assert.Single(Parse("npu-smi-info-t-memory-i0_950_hicann-doc.txt"));

        Assert.Equal(131072 * MiB, r.MemoryTotalBytes);
        Assert.Equal(3200e6, r.MemoryClockHertz);
        Assert.Equal(63, r.MemoryTemperatureCelsius);
    }

    [Fact]
    public void Parse_HealthView_IsOk()
    {
        Assert.Equal(AcceleratorHealth.Ok, Assert.Single(Parse("npu-smi-info-t-health-i0_950_hicann-doc.txt")).Health);
    }

    [Fact]
    public void Parse_BoardAndUsagesViews_GiveSerialDriverAndHbm()
    {
        var board = Assert.Single(Parse("telegraf-npu_smi-test_910B_board.txt"));
        var usages = Assert.Single(Parse("telegraf-npu_smi-test_910B_usages.txt"));

        Assert.Equal("1025C9048791", board.Serial);
        Assert.Equal("25.5.1", board.Driver);
        Assert.Equal("0000:C1:00.0", board.PciBusId);
        Assert.Equal(65536 * MiB, usages.MemoryTotalBytes);
        Assert.Equal(Math.Round(65536 * 0.05) * MiB, usages.MemoryUsedBytes);
        Assert.Equal(0, usages.UtilizationRatio);
    }

    [Fact]
    public void Parse_ListView_GivesEightBoards()
    {
        var b = Parse("telegraf-npu_smi-test_910B_list.txt");

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], b.Select(r => r.Index));
        Assert.All(b, r => Assert.Equal("Huawei", r.Vendor));
    }

    [Theory]
    [InlineData("Alarm", AcceleratorHealth.Critical)]
    [InlineData("Warning", AcceleratorHealth.Warning)]
    [InlineData("Critical", AcceleratorHealth.Critical)]
    public void Parse_HealthWords_MapToStates(string word, AcceleratorHealth expected)
    {
        var r = Assert.Single(NpuSmiParser.Parse($"\tNPU ID                         : 3\n\tHealth                         : {word}\n"));

        Assert.Equal(3, r.Index);
        Assert.Equal(expected, r.Health);
    }

    [Fact]
    public void Parse_TableRowWithTextForPower_NamesTheLine()
    {
        var text = AcceleratorFixtures.Read(AcceleratorFixtures.Ascend("npu-smi-info_310x1_23.0.0_hpckurt-readme.txt"))
            .Replace("12.8 ", "12,8 ", StringComparison.Ordinal);

        var e = Assert.Throws<AcceleratorParseException>(() => NpuSmiParser.Parse(text));

        Assert.Equal(7, e.Line);
        Assert.Contains("'12,8' is not a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyOutput_Throws()
    {
        var e = Assert.Throws<AcceleratorParseException>(() => NpuSmiParser.Parse("\n\n"));

        Assert.Contains("no board", e.Message, StringComparison.Ordinal);
    }
}
