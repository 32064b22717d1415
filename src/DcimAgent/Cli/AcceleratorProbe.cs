using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Cli;

/// <summary>
/// <c>dcim-agent probe --input FILE --format nvidia-smi-xml|nvidia-smi-csv|npu-smi|nvml-jsonl [--device NAME]</c>:
/// the exposition one captured output gives, without running anything. A series is replayed whole (energy
/// from its last frame); a single capture of a board without an energy counter shows 0 J.
/// </summary>
public static class AcceleratorProbe
{
    public const string Help = """
        usage: dcim-agent probe --input FILE --format FORMAT [--device NAME]

        Prints the dcim_accelerator_* exposition of one captured tool output.

          --input FILE     the capture (nvidia-smi --query-gpu CSV, nvidia-smi -q -x, npu-smi text, NVML JSON lines)
          --format FORMAT  nvidia-smi-csv, nvidia-smi-xml, npu-smi, nvml-jsonl
          --device NAME    the host's device label (default: the host name)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var a = CliArgs.Parse(args, ["--input", "--format", "--device"], []);
        if (a.Help)
        {
            await stdout.WriteLineAsync(Help);
            return ExitCodes.Ok;
        }

        var input = a.Get("--input") ?? throw new CliUsageException("--input FILE is required");
        var formatName = a.Get("--format") ?? throw new CliUsageException("--format is required");
        if (!CaptureReader.TryParseFormat(formatName, out var format))
        {
            throw new CliUsageException($"unknown --format '{formatName}' (nvidia-smi-csv, nvidia-smi-xml, npu-smi, nvml-jsonl)");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(input, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"dcim-agent probe: cannot read {input}: {e.Message}");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<AcceleratorFrame> frames;
        try
        {
            frames = CaptureReader.Read(text, format);
        }
        catch (AcceleratorParseException e)
        {
            await stderr.WriteLineAsync($"dcim-agent probe: {input}: {e.Message}");
            return ExitCodes.Failed;
        }

        var host = new DeviceIdentity(a.Get("--device") ?? Environment.MachineName, "accelerator_host");
        var store = new SeriesStore();
        var energy = new PowerEnergyIntegrator();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var frame in frames)
        {
            var ts = frame.TimestampMs ?? now;
            energy.Apply(frame.Boards, ts);
            AcceleratorSampleMapper.Write(frame.Boards, host, ts, store);
        }

        await stdout.WriteAsync(store.ToExpositionText());
        return ExitCodes.Ok;
    }
}
