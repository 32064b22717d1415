using DcimAgent.Model.Profiles;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// Sensor labels are the names the BMC reports; only a second row under a name already used in the poll gets
/// the profile's <c>labels_on_collision</c> form (supermicro-bmc: "name #index"), from ATEN-IPMI-MIB sensorTable.
/// </summary>
public sealed class SensorNameCollisionTests
{
    private const string Sensor = "1.3.6.1.4.1.21317.1.3.1";

    private const string ThreeSensors = $"""
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.21317
        {Sensor}.2.1|4|32.000
        {Sensor}.2.38|4|67.000
        {Sensor}.2.39|4|73.000
        {Sensor}.2.10|4|8100.000
        {Sensor}.13.1|4|CPU Temp
        {Sensor}.13.38|4|AOC_NIC Temp
        {Sensor}.13.39|4|AOC_NIC Temp
        {Sensor}.13.10|4|FAN1
        """;

    [Fact]
    public async Task UniqueNames_AreKeptAsReported_ACollisionGetsTheIndex()
    {
        var r = await HandWrittenRecording.RunAsync(ThreeSensors, "bmc-a");

        Assert.Equal("supermicro-bmc", r.Profile.Name);
        Assert.Contains("dcim_sensor_temperature_celsius{device=\"bmc-a\",device_class=\"server\",sensor=\"CPU Temp\"} 32", r.Exposition, StringComparison.Ordinal);
        Assert.Contains("dcim_sensor_temperature_celsius{device=\"bmc-a\",device_class=\"server\",sensor=\"AOC_NIC Temp\"} 67", r.Exposition, StringComparison.Ordinal);
        Assert.Contains("dcim_sensor_temperature_celsius{device=\"bmc-a\",device_class=\"server\",sensor=\"AOC_NIC Temp #39\"} 73", r.Exposition, StringComparison.Ordinal);
        Assert.Contains("dcim_server_fan_speed_rpm{device=\"bmc-a\",device_class=\"server\",fan=\"FAN1\"} 8100", r.Exposition, StringComparison.Ordinal);
        Assert.Equal(0, r.Report.Duplicates);
    }

    [Fact]
    public void CollisionLabels_MayOnlyReplaceLabelsTheMetricSets()
    {
        const string yaml = """
            profile: collide
            device_class: server
            match: {sys_object_id: ["1.3.6.1.4.1.99999"]}
            tables:
              - name: t
                walk: 1.3.6.1.4.1.99999.1.1
                metrics:
                  - {family: dcim_sensor_temperature_celsius, column: 2, unit: C, labels: {sensor: "{index}"}, labels_on_collision: {fan: "{index}"}}
            """;

        var e = Assert.Throws<ProfileLoadException>(() => ProfileLoader.Parse(yaml, "collide.yaml"));

        Assert.Contains("collide.yaml:8:", e.Errors[0], StringComparison.Ordinal);
        Assert.Contains("'labels_on_collision' names 'fan', which 'labels' does not set", e.Errors[0], StringComparison.Ordinal);
    }
}
