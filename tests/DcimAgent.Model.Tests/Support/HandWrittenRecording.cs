using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Support;

/// <summary>
/// Polls a small snmprec written by hand from a MIB (for vendors without a shared recording) the way the agent
/// does: auto-detection, one fetch with lookups, mapping, and a store that must accept every sample.
/// </summary>
internal static class HandWrittenRecording
{
    public static async Task<GoldenResult> RunAsync(string snmprec, string device)
    {
        var querier = new SnmprecQuerier(SnmprecFile.Parse(snmprec, device));
        var detection = await PollSteps.DetectAsync(querier, GoldenCase.Catalog, CancellationToken.None);
        Assert.True(detection.Profile is not null, $"{device}: {detection.Detail}");
        var profile = detection.Profile;
        var fetch = await PollSteps.FetchAsync(querier, profile, withLookups: true, CancellationToken.None);
        Assert.Equal(SnmpErrorKind.None, fetch.Error);
        var cache = new LookupCache();
        ProfileMapper.LoadLookups(profile, fetch.Data, cache, 1);
        var samples = new List<Sample>();
        var report = ProfileMapper.Map(profile, fetch.Data, cache, new DeviceIdentity(device, profile.DeviceClass), 1_700_000_000_000, samples);
        var store = new SeriesStore();
        foreach (var s in samples)
        {
            Assert.True(store.Write(s), $"{device}: store refused {s.Family.Name} {s.Labels} = {s.Value}");
        }

        return new GoldenResult(profile, store, samples, report, store.ToExpositionText());
    }
}
