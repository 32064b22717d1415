using System.ComponentModel;
using System.Diagnostics;

namespace DcimAgent.Node;

/// <summary>
/// Runs nvidia-smi / npu-smi and returns stdout. A missing binary, a non-zero exit and a hang past the timeout
/// are <see cref="CollectorException"/>s that name the command; the hung process tree is killed.
/// </summary>
public static class ToolRunner
{
    public static async Task<string> RunAsync(string file, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var command = $"{file} {string.Join(' ', args)}";
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new CollectorException("other", $"cannot run '{file}': {e.Message} (is the vendor tool installed and on PATH?)", e);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            var output = await stdout;
            var error = await stderr;
            if (process.ExitCode != 0)
            {
                var detail = (error.Length > 0 ? error : output).Trim();
                detail = detail.Length > 300 ? detail[..300] + "…" : detail;
                throw new CollectorException("other", $"'{command}' exited with {process.ExitCode}: {detail}");
            }

            return output;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new CollectorException("timeout", $"'{command}' did not finish within {timeout.TotalSeconds:0.#} s");
        }
    }
}
