using System.Diagnostics;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Store;

namespace DcimAgent.Polling;

/// <summary>
/// One poll of one target: pick the profile (auto-detection on first contact), fetch, map, write the samples
/// and the health families (<c>dcim_device_up</c>, <c>dcim_poll_duration_seconds</c>,
/// <c>dcim_poll_errors_total</c>, <c>dcim_device_last_success_timestamp_seconds</c>). Never throws for device
/// trouble: a failure is an outcome with a reason.
/// </summary>
public sealed class DevicePoller
{
    private readonly ProfileCatalog _catalog;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly int _labelRefreshPolls;

    public DevicePoller(ProfileCatalog catalog, SeriesStore store, TimeProvider time, int labelRefreshPolls)
    {
        _catalog = catalog;
        _store = store;
        _time = time;
        _labelRefreshPolls = labelRefreshPolls;
    }

    /// <summary>
    /// Polls once. <paramref name="budget"/> bounds this poll (its expiry is a timeout outcome);
    /// <paramref name="stopping"/> is the agent shutting down (then the cancellation propagates).
    /// </summary>
    public async Task<PollOutcome> PollOnceAsync(PollTarget target, CancellationToken budget, CancellationToken stopping = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var started = Stopwatch.GetTimestamp();
        target.PollNumber++;
        PollOutcome outcome;
        try
        {
            outcome = await PollCoreAsync(target, started, budget);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The per-target budget ran out, not the agent.
            outcome = new PollOutcome(false, SnmpErrorKind.Timeout, "poll budget exceeded", 0, 0, Stopwatch.GetElapsedTime(started));
        }

        WriteHealth(target, outcome);
        return outcome;
    }

    private async Task<PollOutcome> PollCoreAsync(PollTarget target, long started, CancellationToken ct)
    {
        if (target.Profile is null)
        {
            var failure = await ResolveProfileAsync(target, started, ct);
            if (failure is not null)
            {
                return failure;
            }
        }

        var profile = target.Profile!;
        var withLookups = target.Lookups.IsDue(target.PollNumber, _labelRefreshPolls);
        var fetch = await PollSteps.FetchAsync(target.Querier, profile, withLookups, ct);
        if (fetch.Error != SnmpErrorKind.None)
        {
            return new PollOutcome(false, fetch.Error, fetch.Detail, 0, fetch.Data.VarBindCount, Stopwatch.GetElapsedTime(started));
        }

        var restarted = fetch.SysUpTime is { } up && target.Lookups.ObserveUpTime(up);
        if (restarted && !withLookups)
        {
            // The device restarted since the last poll: its names and scales may have changed.
            var again = await PollSteps.FetchAsync(target.Querier, profile, withLookups: true, ct);
            if (again.Error == SnmpErrorKind.None)
            {
                fetch = again;
                withLookups = true;
            }
        }

        // The SNMP client completes requests on its receive thread; mapping and store writes belong on the pool.
        await Task.Yield();
        if (withLookups)
        {
            ProfileMapper.LoadLookups(profile, fetch.Data, target.Lookups, target.PollNumber);
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var samples = new List<Sample>(256);
        ProfileMapper.Map(profile, fetch.Data, target.Lookups, target.Identity, now, samples);
        foreach (var s in samples)
        {
            _store.Write(s, restarted);
        }

        target.LastSuccessMs = now;
        return new PollOutcome(true, SnmpErrorKind.None, null, samples.Count, fetch.Data.VarBindCount, Stopwatch.GetElapsedTime(started));
    }

    private async Task<PollOutcome?> ResolveProfileAsync(PollTarget target, long started, CancellationToken ct)
    {
        Profile? profile;
        if (!string.Equals(target.ProfileName, "auto", StringComparison.Ordinal))
        {
            if (!_catalog.TryGet(target.ProfileName, out profile))
            {
                return new PollOutcome(false, SnmpErrorKind.Other, $"profile '{target.ProfileName}' is not loaded", 0, 0, Stopwatch.GetElapsedTime(started));
            }
        }
        else
        {
            var detection = await PollSteps.DetectAsync(target.Querier, _catalog, ct);
            if (detection.Profile is null)
            {
                var error = detection.Error == SnmpErrorKind.None ? SnmpErrorKind.NoSuchObject : detection.Error;
                return new PollOutcome(false, error, detection.Detail, 0, 0, Stopwatch.GetElapsedTime(started));
            }

            profile = detection.Profile;
        }

        target.Profile = profile;
        target.Lookups.Clear();
        var identity = target.Identity.WithClass(target.ConfiguredClass ?? profile.DeviceClass);
        if (!identity.Equals(target.Identity))
        {
            // Health series written under the provisional class must not linger next to the real ones.
            _store.RemoveDevice(target.Name);
            target.Identity = identity;
        }

        return null;
    }

    private void WriteHealth(PollTarget target, PollOutcome outcome)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = target.Identity;
        target.WasUp = target.Up;
        target.Up = outcome.Up;
        target.Polls++;
        _store.Write(new Sample(MetricCatalog.DeviceUp, id, LabelSet.Empty, outcome.Up ? 1 : 0, now));
        _store.Write(new Sample(MetricCatalog.PollDuration, id, LabelSet.Empty, outcome.Duration.TotalSeconds, now));
        if (!outcome.Up)
        {
            var reason = outcome.Error.Reason();
            target.Errors[reason] = target.Errors.GetValueOrDefault(reason) + 1;
        }

        // Every reason is exposed from the first poll on, so rate() sees the first failure as an increase.
        foreach (var reason in MetricCatalog.PollErrorReasons)
        {
            _store.Write(new Sample(MetricCatalog.PollErrors, id, LabelSet.Of(("reason", reason)), target.Errors.GetValueOrDefault(reason), now));
        }

        if (target.LastSuccessMs is { } last)
        {
            _store.Write(new Sample(MetricCatalog.DeviceLastSuccess, id, LabelSet.Empty, last / 1000.0, now));
        }
    }
}
