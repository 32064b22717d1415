using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;

namespace DcimAgent.Model.Tests.Support;

/// <summary>One auto-detected poll of a hand-written snmprec through the shipped profiles, the way the poller does it.</summary>
public static class SnmprecPoll
{
    public sealed record Result(string Profile, IReadOnlyList<Sample> Samples, int Problems)
    {
        /// <summary>The single sample of a family whose labels include every given pair.</summary>
        public double Value(string family, params (string Name, string Value)[] labels) =>
            Samples.Single(s => s.Family.Name == family && labels.All(l => s.Labels[l.Name] == l.Value)).Value;

        public int Count(string family) => Samples.Count(s => s.Family.Name == family);
    }

    public static async Task<Result> RunAsync(string snmprec, string device)
    {
        var catalog = ProfileCatalog.Load([RepoPaths.Profiles]);
        var querier = new SnmprecQuerier(SnmprecFile.Parse(snmprec, device));
        var profile = (await PollSteps.DetectAsync(querier, catalog, CancellationToken.None)).Profile!;
        var fetch = await PollSteps.FetchAsync(querier, profile, withLookups: true, CancellationToken.None);
        var cache = new LookupCache();
        ProfileMapper.LoadLookups(profile, fetch.Data, cache, 1);
        var samples = new List<Sample>();
        var report = ProfileMapper.Map(profile, fetch.Data, cache, new DeviceIdentity(device, profile.DeviceClass), 0, samples);
        return new Result(profile.Name, samples, report.Problems);
    }
}
