using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace DcimAgent.ScaleBench.Exposition;

/// <summary>
/// <c>expo-serve --impl store|promnet --series N --port P</c>: fills the chosen server, reports fill time and RSS
/// on stdout, serves until stdin closes (the driving script keeps it open), then prints RSS once more.
/// </summary>
internal static class ExpositionServeCommand
{
    public static async Task<int> RunAsync(Args args)
    {
        var impl = args.Get("impl", "store");
        var series = args.GetInt("series", 100_000);
        var port = args.GetInt("port", 19400);
        var sw = Stopwatch.StartNew();
        WebApplication app = impl switch
        {
            "store" => StoreServer.Build(series, port),
            "promnet" => PrometheusNetServer.Build(series, port),
            _ => throw new ArgumentException($"--impl must be store or promnet, not '{impl}'"),
        };
        var fill = sw.Elapsed.TotalSeconds;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await app.StartAsync();
        var (rss, _) = ProcessStats.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ready impl={impl} series={series} port={port} fill_s={fill:F2} rss_mib={rss:F0} managed_mib={GC.GetTotalMemory(false) / 1048576.0:F0}"));
        await Console.In.ReadToEndAsync();
        var (after, peak) = ProcessStats.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done impl={impl} rss_mib={after:F0} peak_rss_mib={peak:F0} cpu_s={ProcessStats.Cpu().TotalSeconds:F2}"));
        await app.StopAsync();
        return 0;
    }
}
