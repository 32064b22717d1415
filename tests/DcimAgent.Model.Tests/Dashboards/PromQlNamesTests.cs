using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Dashboards;

/// <summary>The metric-name scanner the rule and dashboard checks rely on.</summary>
public class PromQlNamesTests
{
    [Theory]
    [InlineData("dcim_pdu_power_watts", "dcim_pdu_power_watts")]
    [InlineData("sum by (site, role) (rate(dcim_site_energy_joules_total{site=~\"a|b\", role=\"it\"}[5m]))", "dcim_site_energy_joules_total")]
    [InlineData("a / on (site, device) group_left (rack) b >= 0.8 and on (device) (c == 1)", "a,b,c")]
    [InlineData("count(up{job=\"x\"} == 0) or vector(0)", "up")]
    [InlineData("increase(x[1d] offset 1h) > 1e3 unless y", "x,y")]
    [InlineData("max_over_time(device:dcim_accelerator_boards:count[1d])", "device:dcim_accelerator_boards:count")]
    [InlineData("topk($n, z{a=\"}\"})", "z")]
    [InlineData("sum without (le) (h) * 100 - 0x1f + .5", "h")]
    public void MetricNames_Expression_ReturnsTheSelectedMetricsOnly(string expr, string expected)
    {
        Assert.Equal(expected.Split(','), PromQlNames.MetricNames(expr));
    }

    [Fact]
    public void SubstituteVariables_IntervalsAndSelections_BecomeRunnable()
    {
        Assert.Equal("rate(x{site=~\".*\", rack=~\".*\"}[5m]) / 2",
            PromQlNames.SubstituteVariables("rate(x{site=~\"$site\", rack=~\"${rack}\"}[$__rate_interval]) / 2"));
        Assert.Equal("increase(y[1h])", PromQlNames.SubstituteVariables("increase(y[$__range])", "1h"));
    }

    [Theory]
    [InlineData("label_values(dcim_device_up{site=~\"$site\"}, room)", "dcim_device_up{site=~\"$site\"}")]
    [InlineData("label_values(dcim_site_power_watts, site)", "dcim_site_power_watts")]
    [InlineData("dcim_device_up", "dcim_device_up")]
    public void TemplatingSelector_LabelValues_ReturnsItsSelector(string query, string expected)
    {
        Assert.Equal(expected, PromQlNames.TemplatingSelector(query));
    }
}
