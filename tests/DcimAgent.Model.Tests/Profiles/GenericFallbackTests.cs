using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>Devices no vendor profile knows fall back to ENTITY-SENSOR-MIB, found by walking entPhySensorType.</summary>
public sealed class GenericFallbackTests
{
    private const string Hub = """
        1.3.6.1.2.1.1.1.0|4|Acme sensor hub
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4242.1
        1.3.6.1.2.1.47.1.1.1.1.7.11|4|Intake
        1.3.6.1.2.1.47.1.1.1.1.7.12|4|Intake RH
        1.3.6.1.2.1.47.1.1.1.1.7.13|4|Broken
        1.3.6.1.2.1.47.1.1.1.1.7.14|4|Exhaust
        1.3.6.1.2.1.99.1.1.1.1.11|2|8
        1.3.6.1.2.1.99.1.1.1.1.12|2|9
        1.3.6.1.2.1.99.1.1.1.1.13|2|8
        1.3.6.1.2.1.99.1.1.1.1.14|2|8
        1.3.6.1.2.1.99.1.1.1.2.11|2|9
        1.3.6.1.2.1.99.1.1.1.2.12|2|9
        1.3.6.1.2.1.99.1.1.1.2.13|2|9
        1.3.6.1.2.1.99.1.1.1.2.14|2|8
        1.3.6.1.2.1.99.1.1.1.3.11|2|1
        1.3.6.1.2.1.99.1.1.1.3.12|2|0
        1.3.6.1.2.1.99.1.1.1.3.13|2|0
        1.3.6.1.2.1.99.1.1.1.3.14|2|0
        1.3.6.1.2.1.99.1.1.1.4.11|2|235
        1.3.6.1.2.1.99.1.1.1.4.12|2|41
        1.3.6.1.2.1.99.1.1.1.4.13|2|0
        1.3.6.1.2.1.99.1.1.1.4.14|2|31500
        1.3.6.1.2.1.99.1.1.1.5.11|2|1
        1.3.6.1.2.1.99.1.1.1.5.12|2|1
        1.3.6.1.2.1.99.1.1.1.5.13|2|2
        1.3.6.1.2.1.99.1.1.1.5.14|2|1
        """;

    [Fact]
    public async Task UnknownVendorWithEntitySensors_DetectedAndScaled()
    {
        var catalog = ProfileCatalog.Load([RepoPaths.Profiles]);
        var querier = new SnmprecQuerier(SnmprecFile.Parse(Hub, "hub"));

        var detection = await PollSteps.DetectAsync(querier, catalog, CancellationToken.None);
        Assert.Equal("entity-sensor", detection.Profile?.Name);
        var fetch = await PollSteps.FetchAsync(querier, detection.Profile!, withLookups: true, CancellationToken.None);
        var cache = new LookupCache();
        ProfileMapper.LoadLookups(detection.Profile!, fetch.Data, cache, 1);
        var samples = new List<Sample>();
        ProfileMapper.Map(detection.Profile!, fetch.Data, cache, new DeviceIdentity("hub", "sensor_hub"), 0, samples);

        double Value(string family, string sensor) => samples.Single(s => s.Family.Name == family && s.Labels["sensor"] == sensor).Value;
        Assert.Equal(23.5, Value("dcim_sensor_temperature_celsius", "Intake"), 9);
        Assert.Equal(0.41, Value("dcim_sensor_humidity_ratio", "Intake RH"), 9);
        Assert.Equal(31.5, Value("dcim_sensor_temperature_celsius", "Exhaust"), 9);
        Assert.DoesNotContain(samples, s => s.Labels["sensor"] == "Broken");
    }

    [Fact]
    public async Task DeviceWithNothingKnown_NoProfileAndSaysWhy()
    {
        var catalog = ProfileCatalog.Load([RepoPaths.Profiles]);
        var querier = new SnmprecQuerier(SnmprecFile.Parse("1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4242.1\n", "bare"));

        var detection = await PollSteps.DetectAsync(querier, catalog, CancellationToken.None);

        Assert.Null(detection.Profile);
        Assert.Equal("no profile matches sysObjectID 1.3.6.1.4.1.4242.1 / sysDescr ''", detection.Detail);
    }
}
