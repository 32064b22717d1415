using DcimAgent.Cli;

namespace DcimAgent.Tests.Node;

public sealed class AcceleratorProbeTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AcceleratorProbe.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Probe_NpuSmiTable_PrintsBoardFamilies()
    {
        var (code, output, _) = await Run("--input", NodeFixtures.Ascend("npu-smi-info_910B3x8_24.1.rc2_vllm-ascend-issue250.txt"), "--format", "npu-smi", "--device", "npu-node-3");

        Assert.Equal(0, code);
        Assert.Contains("dcim_accelerator_power_watts{device=\"npu-node-3\",device_class=\"accelerator_host\",accelerator=\"0\"} 96.8\n", output, StringComparison.Ordinal);
        Assert.Contains("dcim_accelerator_memory_total_bytes{device=\"npu-node-3\",device_class=\"accelerator_host\",accelerator=\"7\"} 68719476736\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_NvidiaSmiXml_PrintsThrottleState()
    {
        var (code, output, _) = await Run("--input", NodeFixtures.H100("nvidia-smi-q-load.xml"), "--format", "nvidia-smi-xml", "--device", "gpu-1");

        Assert.Equal(0, code);
        Assert.Contains("dcim_accelerator_throttled{device=\"gpu-1\",device_class=\"accelerator_host\",accelerator=\"0\",reason=\"power_cap\"} 1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_UnknownFormat_IsUsageError()
    {
        await Assert.ThrowsAsync<CliUsageException>(() => Run("--input", "x", "--format", "dcgm"));
    }

    [Fact]
    public async Task Probe_BrokenCapture_ExitsOneNamingTheLine()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "index, uuid\n0\n");

        var (code, _, err) = await Run("--input", path, "--format", "nvidia-smi-csv");

        Assert.Equal(1, code);
        Assert.Contains("nvidia-smi csv line 2: 1 values for 2 columns", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeOnce_ReplayCollector_PrintsExposition()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await NodeCommand.RunAsync(["--once", "--collector", "replay", "--path", NodeFixtures.H100("query-gpu-header.csv"), "--device", "gpu-7", "--config", "/nonexistent.yaml"], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code); // an explicit --config that cannot be read is refused
        using var stdout2 = new StringWriter();
        code = await NodeCommand.RunAsync(["--once", "--collector", "replay", "--path", NodeFixtures.H100("query-gpu-header.csv"), "--device", "gpu-7"], stdout2, stderr, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Contains("dcim_accelerator_memory_total_bytes{device=\"gpu-7\",device_class=\"accelerator_host\",site=\"default\",accelerator=\"0\"} 85520809984\n", stdout2.ToString(), StringComparison.Ordinal);
        Assert.Contains("dcim_device_up{device=\"gpu-7\",device_class=\"accelerator_host\",site=\"default\"} 1\n", stdout2.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeOnce_NvmlMissing_ExitsOneWithReason()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await NodeCommand.RunAsync(["--once", "--collector", "nvml", "--path", "/nonexistent/libnvidia-ml.so.1", "--device", "gpu-7"], stdout, stderr, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("collector nvml failed (other): cannot load /nonexistent/libnvidia-ml.so.1: the NVIDIA driver's NVML library is not installed here", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("dcim_device_up{device=\"gpu-7\",device_class=\"accelerator_host\",site=\"default\"} 0\n", stdout.ToString(), StringComparison.Ordinal);
    }
}
