using DcimAgent.Model.Accelerators;

namespace DcimAgent.Model.Tests.Accelerators;

/// <summary>Truncated and bit-flipped real captures give readings or AcceleratorParseException, never another exception.</summary>
public sealed class CaptureRobustnessTests
{
    public static TheoryData<string, CaptureFormat> Inputs => new()
    {
        { AcceleratorFixtures.Ascend("npu-smi-info_910B3x8_24.1.rc2_vllm-ascend-issue250.txt"), CaptureFormat.NpuSmi },
        { AcceleratorFixtures.Ascend("npu-smi-info_950x1_hicann-doc.txt"), CaptureFormat.NpuSmi },
        { AcceleratorFixtures.Ascend("faultdiag-npu_info_before_910A.txt"), CaptureFormat.NpuSmi },
        { AcceleratorFixtures.H100("query-gpu-header.csv"), CaptureFormat.NvidiaSmiCsv },
        { AcceleratorFixtures.H100("nvidia-smi-q-load.xml"), CaptureFormat.NvidiaSmiXml },
        { AcceleratorFixtures.H100("nvml-series.jsonl"), CaptureFormat.NvmlJsonl },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Read_TruncatedAndFlipped_ReadsOrThrowsParseException(string path, CaptureFormat format)
    {
        var text = AcceleratorFixtures.Read(path);
        var rng = new Random(6);
        var outcomes = 0;
        for (var k = 0; k < 150; k++)
        {
            var chars = text.ToCharArray(0, rng.Next(text.Length));
            if (chars.Length > 0 && k % 2 == 1)
            {
                var at = rng.Next(chars.Length);
                chars[at] = (char)(chars[at] ^ (1 << rng.Next(7)));
            }

            try
            {
                var frames = CaptureReader.Read(new string(chars), format);
                Assert.NotEmpty(frames);
            }
            catch (AcceleratorParseException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Message));
            }

            outcomes++;
        }

        Assert.Equal(150, outcomes);
    }
}
