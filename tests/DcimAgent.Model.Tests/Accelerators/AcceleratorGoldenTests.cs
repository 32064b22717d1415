using DcimAgent.Model.Accelerators;

namespace DcimAgent.Model.Tests.Accelerators;

/// <summary>Every npu-smi and nvidia-smi capture in tests/fixtures against its reviewed exposition in Golden/.</summary>
public sealed class AcceleratorGoldenTests
{
    public static TheoryData<string, string, string> Captures => new()
    {
        { "ascend", "npu-smi-info_910B3x8_24.1.rc2_vllm-ascend-issue250.txt", "npu-smi" },
        { "ascend", "npu-smi-info_910x8_23.0.rc3_mindcluster-doc.txt", "npu-smi" },
        { "ascend", "npu-smi-info_310x1_23.0.0_hpckurt-readme.txt", "npu-smi" },
        { "ascend", "npu-smi-info_950x1_hicann-doc.txt", "npu-smi" },
        { "ascend", "faultdiag-npu_info_before_910A.txt", "npu-smi" },
        { "ascend", "npu-smi-info-t-common_910_mindcluster-doc.txt", "npu-smi" },
        { "ascend", "npu-smi-info-t-power-i0_950_hicann-doc.txt", "npu-smi" },
        { "ascend", "npu-smi-info-t-temp-i0_950_hicann-doc.txt", "npu-smi" },
        { "ascend", "npu-smi-info-t-health-i0_950_hicann-doc.txt", "npu-smi" },
        { "ascend", "npu-smi-info-t-memory-i0_950_hicann-doc.txt", "npu-smi" },
        { "ascend", "npu-smi-info-t-volt-i0_950_hicann-doc.txt", "npu-smi" },
        { "ascend", "telegraf-npu_smi-test_910B_board.txt", "npu-smi" },
        { "ascend", "telegraf-npu_smi-test_910B_list.txt", "npu-smi" },
        { "ascend", "telegraf-npu_smi-test_910B_power.txt", "npu-smi" },
        { "ascend", "telegraf-npu_smi-test_910B_usages.txt", "npu-smi" },
        { "nvidia-h100", "nvidia-smi-q-idle.xml", "nvidia-smi-xml" },
        { "nvidia-h100", "nvidia-smi-q-load.xml", "nvidia-smi-xml" },
        { "nvidia-h100", "query-gpu-header.csv", "nvidia-smi-csv" },
        { "nvidia-h100", "nvml-series.jsonl", "nvml-jsonl" },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Capture_Replayed_MatchesGoldenExposition(string set, string file, string format)
    {
        Assert.True(CaptureReader.TryParseFormat(format, out var f));
        var path = set == "ascend" ? AcceleratorFixtures.Ascend(file) : AcceleratorFixtures.H100(file);

        var text = AcceleratorFixtures.Store(AcceleratorFixtures.Read(path), f).ToExpositionText();

        AcceleratorFixtures.AssertGolden(Path.GetFileNameWithoutExtension(file), text);
    }
}
