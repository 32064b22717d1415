using DcimAgent.Model.Profiles;

namespace DcimAgent.Model.Tests.Profiles;

public sealed class ProfileLoaderTests
{
    private const string Valid = """
        profile: test-pdu
        device_class: pdu
        match:
          sys_object_id: ["1.3.6.1.4.1.99999"]
        metrics:
          - {family: dcim_pdu_power_watts, oid: 1.3.6.1.4.1.99999.1.0, unit: W}
        """;

    [Fact]
    public void Parse_ValidProfile_CompilesMetricWithUnit()
    {
        var p = ProfileLoader.Parse(Valid, "test.yaml");

        Assert.Equal("test-pdu", p.Name);
        Assert.Equal("pdu", p.DeviceClass);
        Assert.Equal("dcim_pdu_power_watts", Assert.Single(p.Scalars).Family.Name);
        Assert.Equal("1.3.6.1.4.1.99999", Assert.Single(p.Match.SysObjectIdPrefixes).ToString());
    }

    [Theory]
    [InlineData("  - {family: dcim_pdu_power_wats, oid: 1.3.6.1.4.1.99999.1.0}", "test.yaml:6: metrics[0].family: 'dcim_pdu_power_wats' is not a device family")]
    [InlineData("  - {family: dcim_pdu_power_watts, oid: 1.3.6.1.4.1.99999.1.0, unit: V}", "metrics[0].unit: unit 'V' converts to volts, but dcim_pdu_power_watts is in watts")]
    [InlineData("  - {family: dcim_pdu_power_watts, oid: 1.3.6.1.4.1.99999.1.0, colour: red}", "metrics[0].colour: unknown key")]
    [InlineData("  - {family: dcim_pdu_phase_power_watts, oid: 1.3.6.1.4.1.99999.1.0}", "dcim_pdu_phase_power_watts needs label 'phase'")]
    [InlineData("  - {family: dcim_pdu_power_watts, oid: 1.3.6.1.4.1.99999.1.0, labels: {outlet: '1'}}", "metrics[0].labels.outlet: dcim_pdu_power_watts has no label 'outlet'")]
    [InlineData("  - {family: dcim_pdu_power_watts, oid: 1.3.x}", "metrics[0].oid: '1.3.x' is not a numeric OID")]
    [InlineData("  - {family: dcim_device_up, oid: 1.3.6.1.4.1.99999.1.0}", "'dcim_device_up' is written by the poller")]
    [InlineData("  - {family: dcim_pdu_outlet_state, oid: 1.3.6.1.4.1.99999.1.0, labels: {outlet: '1', outlet_name: a}, states: {'1': bright}}", "'bright' is not a state of dcim_pdu_outlet_state")]
    [InlineData("  - {family: dcim_pdu_power_watts, oid: 1.3.6.1.4.1.99999.1.0, unit: '{col.3'}", "unclosed '{'")]
    public void Parse_BadMetric_ErrorNamesFileLineAndKeyPath(string metricLine, string expected)
    {
        var yaml = Valid[..Valid.IndexOf("  - {", StringComparison.Ordinal)] + metricLine + "\n";

        var e = Assert.Throws<ProfileLoadException>(() => ProfileLoader.Parse(yaml, "test.yaml"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yaml:6:", e.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsThemAllAtOnce()
    {
        const string yaml = """
            profile: Bad_Name
            device_class: toaster
            match: {sys_object_id: ["1.3.6.1.4.1.1"]}
            """;

        var e = Assert.Throws<ProfileLoadException>(() => ProfileLoader.Parse(yaml, "bad.yaml"));

        Assert.Equal(2, e.Errors.Count);
        Assert.Equal("bad.yaml:1: profile: 'Bad_Name' must be lower-case letters, digits and dashes", e.Errors[0]);
        Assert.StartsWith("bad.yaml:2: device_class: 'toaster' is not one of pdu, ups", e.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlSyntaxError_NamesTheLine()
    {
        var e = Assert.Throws<ProfileLoadException>(() => ProfileLoader.Parse("profile: a\ndevice_class: [pdu\n", "syntax.yaml"));

        Assert.StartsWith("syntax.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("YAML syntax", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneCarriageReturnInFlowMapping_IsSyntaxErrorAtItsLine()
    {
        const string yaml = "profile: a\ndevice_class: ups\nmetrics:\n  - {family: dcim_ups_battery_charge_ratio, oid: 1.3.6.1.4.1.99999.1\r.0, unit: \"%\"}\n";

        var e = Assert.Throws<ProfileLoadException>(() => ProfileLoader.Parse(yaml, "cr.yaml"));

        Assert.Equal("cr.yaml:4: YAML syntax: unexpected carriage return (CR without LF)", e.Message);
    }

    [Fact]
    public void FromProfiles_UnknownLookupAndInclude_Reported()
    {
        const string yaml = """
            profile: t
            device_class: pdu
            include: [missing]
            tables:
              - walk: 1.3.6.1.4.1.9.1
                metrics:
                  - {family: dcim_pdu_outlet_power_watts, column: 2, unit: W, labels: {outlet: "{index}", outlet_name: "{lookup:names}"}}
            """;
        var p = ProfileLoader.Parse(yaml, "t.yaml");

        var e = Assert.Throws<ProfileLoadException>(() => ProfileCatalog.FromProfiles([p]));

        Assert.Contains("t.yaml: include: no profile named 'missing'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedProfiles_AllLoadAndPlanDeduplicatedWalks()
    {
        var catalog = ProfileCatalog.Load([Support.RepoPaths.Profiles]);

        Assert.True(catalog.Profiles.Count >= 22, $"{catalog.Profiles.Count} profiles");
        foreach (var p in catalog.Profiles)
        {
            Assert.Equal(p.WalkOids.Count, p.WalkOids.Distinct().Count());
            for (var i = 1; i < p.WalkOids.Count; i++)
            {
                Assert.False(p.WalkOids[i - 1].IsPrefixOf(p.WalkOids[i]), $"{p.Name}: {p.WalkOids[i]} is under {p.WalkOids[i - 1]}");
            }
        }
    }

    [Fact]
    public void Parse_MappingEntryWithoutKey_IsALoadErrorNotACrash()
    {
        var e = Assert.Throws<ProfileLoadException>(() => ProfileLoader.Parse("profile: a\ndevice_class: pdu\n  : b\n", "keyless.yaml"));
        Assert.StartsWith("keyless.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("YAML syntax", e.Message, StringComparison.Ordinal);
    }
}
