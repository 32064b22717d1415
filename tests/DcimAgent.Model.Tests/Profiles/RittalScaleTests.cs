using DcimAgent.Model.Metrics;
using DcimAgent.Model.Profiles;
using DcimAgent.Model.Querying;
using DcimAgent.Model.Snmprec;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>Rittal CMC III (profile written from the MIB): a negative cmcIIIVarScale divides, a positive one multiplies.</summary>
public sealed class RittalScaleTests
{
    private const string Lcp = """
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2606.7
        1.3.6.1.4.1.2606.7.4.1.2.1.3.2|4|LCP-DX
        1.3.6.1.4.1.2606.7.4.2.2.1.3.2.1|4|Air.Server-In.Average
        1.3.6.1.4.1.2606.7.4.2.2.1.3.2.2|4|Air.Server-Out.Average
        1.3.6.1.4.1.2606.7.4.2.2.1.3.2.3|4|Temperature.Value
        1.3.6.1.4.1.2606.7.4.2.2.1.4.2.1|2|2
        1.3.6.1.4.1.2606.7.4.2.2.1.4.2.2|2|2
        1.3.6.1.4.1.2606.7.4.2.2.1.4.2.3|2|2
        1.3.6.1.4.1.2606.7.4.2.2.1.5.2.1|4|degree C
        1.3.6.1.4.1.2606.7.4.2.2.1.5.2.2|4|degree C
        1.3.6.1.4.1.2606.7.4.2.2.1.5.2.3|4|degree C
        1.3.6.1.4.1.2606.7.4.2.2.1.7.2.1|2|-10
        1.3.6.1.4.1.2606.7.4.2.2.1.7.2.2|2|-100
        1.3.6.1.4.1.2606.7.4.2.2.1.7.2.3|2|1
        1.3.6.1.4.1.2606.7.4.2.2.1.11.2.1|2|215
        1.3.6.1.4.1.2606.7.4.2.2.1.11.2.2|2|3120
        1.3.6.1.4.1.2606.7.4.2.2.1.11.2.3|2|24
        """;

    [Fact]
    public async Task LcpRows_SignedScale_DividesOrMultiplies()
    {
        var catalog = ProfileCatalog.Load([RepoPaths.Profiles]);
        var querier = new SnmprecQuerier(SnmprecFile.Parse(Lcp, "lcp"));
        var profile = (await PollSteps.DetectAsync(querier, catalog, CancellationToken.None)).Profile!;
        var fetch = await PollSteps.FetchAsync(querier, profile, withLookups: true, CancellationToken.None);
        var cache = new LookupCache();
        ProfileMapper.LoadLookups(profile, fetch.Data, cache, 1);
        var samples = new List<Sample>();

        var report = ProfileMapper.Map(profile, fetch.Data, cache, new DeviceIdentity("lcp1", profile.DeviceClass), 0, samples);

        Assert.Equal("rittal-cmc3", profile.Name);
        Assert.Equal(0, report.Problems);
        Assert.Equal(21.5, samples.Single(s => s.Family.Name == "dcim_cooling_supply_temperature_celsius").Value, 9);
        Assert.Equal(31.2, samples.Single(s => s.Family.Name == "dcim_cooling_return_temperature_celsius").Value, 9);
        Assert.Equal(24, samples.Single(s => s.Family.Name == "dcim_sensor_temperature_celsius" && s.Labels["sensor"] == "LCP-DX Temperature.Value").Value, 9);
    }
}
