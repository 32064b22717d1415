using DcimAgent.Tests.Support;

namespace DcimAgent.Tests.Facility;

/// <summary>
/// Shared by the energy-report tests: <see cref="SyntheticMonth"/> backfilled with <c>promtool tsdb
/// create-blocks-from openmetrics</c> (one 2 h block each, 372 blocks: the slow part, done once) and served by
/// a real prometheus.
/// </summary>
public sealed class SyntheticMonthPrometheus : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private QueryOnlyPrometheus? _peer;

    public QueryOnlyPrometheus Peer => _peer ?? throw new InvalidOperationException("prometheus did not start");

    public async Task InitializeAsync()
    {
        var promtool = QueryOnlyPrometheus.Require("promtool");
        var input = Path.Combine(_dir.Path, "month.om.txt");
        await File.WriteAllTextAsync(input, SyntheticMonth.OpenMetrics());
        var data = Path.Combine(_dir.Path, "data");
        var backfill = await ProcessRunner.RunAsync(promtool, ["tsdb", "create-blocks-from", "openmetrics", "--quiet", input, data], TimeSpan.FromSeconds(240));
        Assert.True(backfill.ExitCode == 0, "promtool backfill failed: " + backfill.All);
        _peer = await QueryOnlyPrometheus.StartAsync(data, _dir.Path);
    }

    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }

        _dir.Dispose();
    }
}
