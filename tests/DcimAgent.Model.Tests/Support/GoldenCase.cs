using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Support;

/// <summary>
/// One golden testcase folder: <c>case.txt</c> names the recording (relative to tests/fixtures) and the
/// profile auto-detection must pick; <c>expected.prom</c> is the exposition of one poll.
/// </summary>
internal sealed class GoldenCase
{
    private static readonly Lazy<ProfileCatalog> SharedCatalog = new(() => ProfileCatalog.Load([RepoPaths.Profiles]));

    public required string Name { get; init; }

    public required string Recording { get; init; }

    public required string ExpectedProfile { get; init; }

    public string Folder => Path.Combine(RepoPaths.TestCases, Name);

    public static ProfileCatalog Catalog => SharedCatalog.Value;

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(RepoPaths.TestCases).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static GoldenCase Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.TestCases, name, "case.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new GoldenCase { Name = name, Recording = lines["recording"], ExpectedProfile = lines["profile"] };
    }

    /// <summary>Detects, polls once and maps, like the agent does, over the recording in memory.</summary>
    public async Task<GoldenResult> RunAsync()
    {
        var recording = SnmprecFile.Load(Path.Combine(RepoPaths.Fixture(Recording)));
        var querier = new SnmprecQuerier(recording);
        var detection = await PollSteps.DetectAsync(querier, Catalog, CancellationToken.None);
        Assert.True(detection.Profile is not null, $"{Name}: {detection.Detail}");
        var profile = detection.Profile;
        var fetch = await PollSteps.FetchAsync(querier, profile, withLookups: true, CancellationToken.None);
        Assert.Equal(SnmpErrorKind.None, fetch.Error);
        var cache = new LookupCache();
        ProfileMapper.LoadLookups(profile, fetch.Data, cache, 1);
        var device = new DeviceIdentity(Name, profile.DeviceClass);
        var samples = new List<Sample>();
        var report = ProfileMapper.Map(profile, fetch.Data, cache, device, 1_700_000_000_000, samples);
        var store = new SeriesStore();
        foreach (var s in samples)
        {
            Assert.True(store.Write(s), $"{Name}: store refused {s.Family.Name} {s.Labels} = {s.Value}");
        }

        return new GoldenResult(profile, store, samples, report, store.ToExpositionText());
    }
}

internal sealed record GoldenResult(Profile Profile, SeriesStore Store, List<Sample> Samples, MappingReport Report, string Exposition)
{
    /// <summary>The value of the one sample of <paramref name="family"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Value(string family, params (string Name, string Value)[] labels)
    {
        var matches = Samples.Where(s => s.Family.Name == family && labels.All(l => s.Labels[l.Name] == l.Value)).ToList();
        Assert.True(matches.Count == 1, $"{family}{{{string.Join(",", labels.Select(l => $"{l.Name}={l.Value}"))}}}: {matches.Count} samples");
        return matches[0].Value;
    }

    public bool Has(string family, params (string Name, string Value)[] labels) =>
        Samples.Any(s => s.Family.Name == family && labels.All(l => s.Labels[l.Name] == l.Value));
}
