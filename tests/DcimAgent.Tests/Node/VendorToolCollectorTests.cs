using DcimAgent.Model.Accelerators;
using DcimAgent.Node;

namespace DcimAgent.Tests.Node;

/// <summary>The nvidia-smi and npu-smi collectors against stand-in tools that print the real captures.</summary>
public sealed class VendorToolCollectorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NvidiaSmi_CsvQuery_ReadsTheBoard()
    {
        // The capture's values in the collector's field order, as --format=csv,noheader,nounits prints them.
        var tool = NodeFixtures.Tool("nvidia-smi", """
            case "$1" in --query-gpu=*) echo "0, GPU-01952c05-254a-7bc6-dd11-10dbb5dff193, NVIDIA H100 80GB HBM3, 1652524107753, 00000000:00:06.0, 580.159.04, 36, 37, 119.26, 700.00, 0, 0, 81559, 405, 2619, 0x0000000000000001, 0, 0";; *) exit 9;; esac
            """);
        var collector = new NvidiaSmiCollector(tool, Timeout);

        var r = Assert.Single((await collector.CollectAsync(CancellationToken.None)).Boards);

        Assert.False(collector.UsesXml);
        Assert.Equal("GPU-01952c05-254a-7bc6-dd11-10dbb5dff193", r.Uuid);
        Assert.Equal(85_520_809_984, r.MemoryTotalBytes);
        Assert.Equal(119.26, r.PowerWatts);
    }

    [Fact]
    public async Task NvidiaSmi_QueryRejected_FallsBackToXml()
    {
        var xml = NodeFixtures.H100("nvidia-smi-q-load.xml");
        var tool = NodeFixtures.Tool("nvidia-smi", $$"""
            case "$1" in --query-gpu=*) echo 'Field "clocks_event_reasons.active" is not a valid field to query.' >&2; exit 2;; -q) cat '{{xml}}';; esac
            """);
        var collector = new NvidiaSmiCollector(tool, Timeout);

        var r = Assert.Single((await collector.CollectAsync(CancellationToken.None)).Boards);

        Assert.True(collector.UsesXml);
        Assert.Equal(695.18, r.PowerWatts);
        Assert.Equal(ClockEventReasons.SwPowerCap, r.ClockEventReasons);
    }

    [Fact]
    public async Task NvidiaSmi_Hangs_IsATimeout()
    {
        var tool = NodeFixtures.Tool("nvidia-smi", "sleep 30");
        var collector = new NvidiaSmiCollector(tool, TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<CollectorException>(() => collector.CollectAsync(CancellationToken.None));

        Assert.Equal("timeout", e.Reason);
    }

    [Fact]
    public async Task NvidiaSmi_NotInstalled_SaysSo()
    {
        var collector = new NvidiaSmiCollector("/nonexistent/nvidia-smi", Timeout);

        var e = await Assert.ThrowsAsync<CollectorException>(() => collector.CollectAsync(CancellationToken.None));

        Assert.Contains("cannot run '/nonexistent/nvidia-smi'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NpuSmi_TableAndBoardView_MergeSerialAndDriver()
    {
        var table = NodeFixtures.Ascend("npu-smi-info_910B3x8_24.1.rc2_vllm-ascend-issue250.txt");
        var board = NodeFixtures.Ascend("telegraf-npu_smi-test_910B_board.txt");
        // Every NPU answers the board view with the captured NPU 0 board, id rewritten.
        var tool = NodeFixtures.Tool("npu-smi", $$"""
            if [ "$#" -eq 1 ]; then cat '{{table}}'; else sed "s/NPU ID                         : 0/NPU ID                         : $5/" '{{board}}'; fi
            """);
        var collector = new NpuSmiCollector(tool, Timeout);

        var boards = (await collector.CollectAsync(CancellationToken.None)).Boards;

        Assert.Equal(8, boards.Count);
        Assert.All(boards, r => Assert.Equal("1025C9048791", r.Serial));
        Assert.All(boards, r => Assert.Equal("24.1.rc2", r.Driver)); // the table's Version wins over the board's software
        Assert.Equal(92.0, boards[7].PowerWatts);
    }
}
