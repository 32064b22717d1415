using System.Text;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Payloads;

public class DcimJsonFormatTests
{
    /// <summary>The first sample of fixtures/accelerators/nvidia-h100/nvml-series.jsonl, in base units (docs/mqtt.md example).</summary>
    public const string H100Document = """
        {
          "schema": "dcim-json/1",
          "host": "gpu-node-17",
          "time_ms": 1795756164328,
          "info": {"vendor": "Supermicro", "model": "SYS-821GE-TNHR", "serial": "S1234", "firmware": "BMC 1.2"},
          "boards": [
            {
              "index": 0,
              "uuid": "GPU-01952c05-254a-7bc6-dd11-10dbb5dff193",
              "vendor": "nvidia",
              "model": "NVIDIA H100 80GB HBM3",
              "serial": "1652524107753",
              "driver": "580.159.04",
              "temperature_celsius": 36,
              "memory_temperature_celsius": 37,
              "temperature_slowdown_celsius": 89,
              "power_watts": 111.944,
              "power_limit_watts": 700,
              "energy_joules_total": 2216.797,
              "utilization_ratio": 0,
              "memory_used_bytes": 503316480,
              "memory_total_bytes": 85520809984,
              "clock_hertz": {"core": 375000000, "memory": 2619000000},
              "throttled": {"power_cap": false, "thermal": false, "hw_slowdown": false, "power_brake": false},
              "ecc_errors_total": {"corrected": 0, "uncorrected": 0},
              "health": "ok"
            }
          ],
          "readings": [
            {"family": "dcim_server_power_watts", "value": 1830.5},
            {"family": "dcim_server_psu_state", "labels": {"psu": "1"}, "state": "ok"}
          ]
        }
        """;

    private static readonly (string, string) Board0 = ("accelerator", "0");

    [Fact]
    public void Map_H100Document_EveryFieldInItsFamily()
    {
        var h = new PayloadHarness("dcim-json");
        var outcome = h.Run("dcim/site1/gpu-node-17/accelerators", Encoding.UTF8.GetBytes(H100Document));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(36, h.Value(MetricCatalog.AcceleratorTemperature, "gpu-node-17", Board0));
        Assert.Equal(37, h.Value(MetricCatalog.AcceleratorMemoryTemperature, "gpu-node-17", Board0));
        Assert.Equal(89, h.Value(MetricCatalog.AcceleratorTemperatureSlowdown, "gpu-node-17", Board0));
        Assert.Equal(111.944, h.Value(MetricCatalog.AcceleratorPower, "gpu-node-17", Board0));
        Assert.Equal(700, h.Value(MetricCatalog.AcceleratorPowerLimit, "gpu-node-17", Board0));
        Assert.Equal(2216.797, h.Value(MetricCatalog.AcceleratorEnergy, "gpu-node-17", Board0));
        Assert.Equal(0, h.Value(MetricCatalog.AcceleratorUtilization, "gpu-node-17", Board0));
        Assert.Equal(503316480, h.Value(MetricCatalog.AcceleratorMemoryUsed, "gpu-node-17", Board0));
        Assert.Equal(85520809984, h.Value(MetricCatalog.AcceleratorMemoryTotal, "gpu-node-17", Board0));
        Assert.Equal(375e6, h.Value(MetricCatalog.AcceleratorClock, "gpu-node-17", Board0, ("clock", "core")));
        Assert.Equal(2619e6, h.Value(MetricCatalog.AcceleratorClock, "gpu-node-17", Board0, ("clock", "memory")));
        Assert.Equal(0, h.Value(MetricCatalog.AcceleratorThrottled, "gpu-node-17", Board0, ("reason", "power_cap")));
        Assert.Equal(0, h.Value(MetricCatalog.AcceleratorEccErrors, "gpu-node-17", Board0, ("type", "uncorrected")));
        Assert.Equal(1, h.Value(MetricCatalog.AcceleratorHealth, "gpu-node-17", Board0, ("state", "ok")));
        Assert.Equal(0, h.Value(MetricCatalog.AcceleratorHealth, "gpu-node-17", Board0, ("state", "critical")));
        Assert.Equal(1, h.Value(MetricCatalog.AcceleratorInfo, "gpu-node-17", Board0,
            ("uuid", "GPU-01952c05-254a-7bc6-dd11-10dbb5dff193"), ("vendor", "nvidia"), ("model", "NVIDIA H100 80GB HBM3"),
            ("serial", "1652524107753"), ("driver", "580.159.04")));
        Assert.Equal(1, h.Value(MetricCatalog.DeviceInfo, "gpu-node-17",
            ("vendor", "Supermicro"), ("model", "SYS-821GE-TNHR"), ("serial", "S1234"), ("firmware", "BMC 1.2"), ("profile", "dcim-json"), ("protocol", "mqtt")));
        Assert.Equal(1830.5, h.Value(MetricCatalog.ServerPower, "gpu-node-17"));
        Assert.Equal(1, h.Value(MetricCatalog.ServerPsuState, "gpu-node-17", ("psu", "1"), ("state", "ok")));
        Assert.Equal("accelerator_host", h.Store.Snapshot(MetricCatalog.AcceleratorPower)[0].Device!.DeviceClass);
    }

    [Fact]
    public void Map_LoadSampleOfTheH100Series_PowerCapThrottleIsOne()
    {
        // t+~20 s of nvml-series.jsonl: power pinned at the 700 W limit, throttle reason 0x4 (SW power cap).
        var h = new PayloadHarness("dcim-json");
        var outcome = h.Run("x", Encoding.UTF8.GetBytes("""
            {"schema":"dcim-json/1","host":"gpu-node-17","boards":[{"index":0,"power_watts":699.1,"utilization_ratio":1,
             "throttled":{"power_cap":true,"thermal":false,"hw_slowdown":false,"power_brake":false}}]}
            """));

        Assert.True(outcome.Accepted, outcome.Reason);
        Assert.Equal(1, h.Value(MetricCatalog.AcceleratorThrottled, "gpu-node-17", Board0, ("reason", "power_cap")));
        Assert.Equal(699.1, h.Value(MetricCatalog.AcceleratorPower, "gpu-node-17", Board0));
    }

    [Theory]
    [InlineData("""{"host":"h","boards":[]}""", "schema: expected \"dcim-json/1\"")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","boards":[{"index":0,"power_wats":1}]}""", "boards[0] (index 0): unknown field 'power_wats' (schema dcim-json/1)")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","boards":[{"index":0,"energy_joules_total":-5}]}""", "boards[0] (index 0).energy_joules_total: dcim_accelerator_energy_joules_total is a counter and must not be negative (-5)")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","boards":[{"index":0,"utilization_ratio":87}]}""", "boards[0] (index 0).utilization_ratio: dcim_accelerator_utilization_ratio is a ratio 0..1, got 87")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","boards":[{"index":0},{"index":0}]}""", "boards[1].index: board 0 appears twice")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","boards":[{"index":0,"health":"fine"}]}""", "boards[0] (index 0).health: 'fine' is not a known state of dcim_accelerator_health")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","readings":[{"family":"dcim_pdu_bogus","value":1}]}""", "readings[0].family: 'dcim_pdu_bogus' is not a device family of the catalogue")]
    [InlineData("""{"schema":"dcim-json/1","host":"h","readings":[{"family":"dcim_pdu_phase_current_amperes","labels":{"outlet":"1"},"value":1}]}""", "readings[0].labels: dcim_pdu_phase_current_amperes has no label 'outlet'")]
    [InlineData("""{"schema":"dcim-json/1","host":"h"}""", "the document has no boards and no readings")]
    public void Map_BadDocument_RejectedWithReason(string payload, string reason)
    {
        var h = new PayloadHarness("dcim-json");
        var outcome = h.Run("x", Encoding.UTF8.GetBytes(payload));

        Assert.False(outcome.Accepted);
        Assert.Equal(reason, outcome.Reason);
        Assert.Equal(0, h.Store.SeriesCount);
    }
}
