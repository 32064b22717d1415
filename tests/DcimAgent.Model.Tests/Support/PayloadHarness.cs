using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Support;

/// <summary>Runs payloads through one mapper into a fresh store, the way a subscription does.</summary>
internal sealed class PayloadHarness
{
    public const long Now = 1_795_756_164_000;

    private readonly SampleBatch _batch = new();

    public PayloadHarness(string format, PayloadMapperOptions? options = null, DeviceDirectory? directory = null)
    {
        Mapper = PayloadFormats.Create(format, options ?? new PayloadMapperOptions());
        Directory = directory ?? new DeviceDirectory(fallbackDevice: "dev1");
    }

    public PayloadMapper Mapper { get; }

    public DeviceDirectory Directory { get; }

    public SeriesStore Store { get; } = new();

    public PayloadOutcome Run(string topic, byte[] payload, IReadOnlyDictionary<string, string>? topicLabels = null)
    {
        var outcome = Mapper.Map(new PayloadMessage(topic, topicLabels ?? PayloadMessage.NoLabels, payload, Now), Directory, _batch);
        if (outcome.Accepted)
        {
            _batch.CommitTo(Store);
        }

        return outcome;
    }

    public PayloadOutcome RunFixture(string topic, params string[] fixturePath) =>
        Run(topic, File.ReadAllBytes(RepoPaths.RepoFile(["tests", .. fixturePath])));

    public double Value(MetricFamily family, string device, params (string, string)[] labels)
    {
        var id = Store.Snapshot(family).FirstOrDefault(s => s.Device?.Device == device && s.Labels.Equals(LabelSet.Of(labels)));
        Assert.True(id.Family is not null, $"no {family.Name}{{device={device},{LabelSet.Of(labels)}}} in\n{Store.ToExpositionText()}");
        return id.Value;
    }

    public bool Has(MetricFamily family) => Store.Snapshot(family).Count > 0;
}
