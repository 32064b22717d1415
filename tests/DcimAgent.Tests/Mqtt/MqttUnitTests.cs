using DcimAgent.Cli;
using DcimAgent.Configuration;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Mqtt;
using DcimAgent.Tests.Support;
using MQTTnet;

namespace DcimAgent.Tests.Mqtt;

public class MqttUnitTests
{
    [Fact]
    public void Backoff_Doubles_CapsAndResets()
    {
        var b = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 1.0);

        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(0, 6).Select(_ => b.Next().TotalSeconds).ToArray());
        b.Reset();
        Assert.Equal(1, b.Next().TotalSeconds);
    }

    [Fact]
    public void Backoff_JitterZero_IsHalfTheStep()
    {
        var b = new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), () => 0.0);

        Assert.Equal([1, 2, 4], Enumerable.Range(0, 3).Select(_ => b.Next().TotalSeconds).ToArray());
    }

    [Theory]
    [InlineData("dcim/{site}/{device}/accelerators", "dcim/+/+/accelerators", "dcim/dc1/gpu7/accelerators", "site=dc1,device=gpu7")]
    [InlineData("tele/{device}/SENSOR", "tele/+/SENSOR", "tele/pow1/SENSOR", "device=pow1")]
    [InlineData("spBv1.0/#", "spBv1.0/#", "spBv1.0/g/NDATA/n", "")]
    [InlineData("a/{device}/#", "a/+/#", "a/d1", "device=d1")]
    public void TopicTemplate_Matches_CollectsLabels(string template, string filter, string topic, string labels)
    {
        var t = TopicTemplate.Parse(template);

        Assert.Equal(filter, t.Filter);
        Assert.True(t.TryMatch(topic, out var found));
        Assert.Equal(labels, string.Join(',', found.Select(p => $"{p.Key}={p.Value}")));
    }

    [Theory]
    [InlineData("tele/{device}/SENSOR", "tele/pow1/STATE")]
    [InlineData("tele/{device}/SENSOR", "tele/pow1/SENSOR/x")]
    [InlineData("+/status", "$SYS/status")]
    public void TopicTemplate_OtherTopic_DoesNotMatch(string template, string topic) =>
        Assert.False(TopicTemplate.Parse(template).TryMatch(topic, out _));

    [Theory]
    [InlineData("a/x{device}/b", "topic 'a/x{device}/b': a {name} must fill a whole level, not 'x{device}'")]
    [InlineData("a/#/b", "topic 'a/#/b': '#' is allowed only as the last level")]
    [InlineData("a/{Dev}", "topic 'a/{Dev}': '{Dev}' must be a lower-case label name used once")]
    public void TopicTemplate_Invalid_Throws(string template, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => TopicTemplate.Parse(template)).Message);

    [Fact]
    public void TopicTemplate_ShareGroup_PrefixesFilter() =>
        Assert.Equal("$share/g1/tele/+/SENSOR", TopicTemplate.Parse("tele/{device}/SENSOR").SubscribeFilter("g1"));

    [Fact]
    public void Subscription_SilentForThreePeriods_DeviceUpZeroOnceThenBackOnMessage()
    {
        var store = new SeriesStore();
        var sub = new MqttSubscription(new MqttSubscriptionConfig
        {
            Name = "m", Topic = "m/{device}", Format = "value", Family = "dcim_pdu_power_watts", ExpectEvery = TimeSpan.FromSeconds(10),
        }, 0, "dc1", 1_000_000);
        var device = new DeviceIdentity("m1", "sensor_hub", new Dictionary<string, string> { ["site"] = "dc1" });

        Assert.True(sub.Process("m/m1", "5"u8.ToArray(), 1_000_000, store).Accepted);
        Assert.Empty(sub.CheckSilence(1_030_000, store));
        Assert.Equal([device], sub.CheckSilence(1_030_001, store));
        Assert.Empty(sub.CheckSilence(1_040_000, store));
        Assert.True(store.TryGet(MetricCatalog.DeviceUp, device, LabelSet.Empty, out var up));
        Assert.Equal(0, up);

        sub.Process("m/m1", "6"u8.ToArray(), 1_041_000, store);
        Assert.True(store.TryGet(MetricCatalog.DeviceUp, device, LabelSet.Empty, out up));
        Assert.Equal(1, up);
    }

    [Fact]
    public void Subscription_UnknownFamily_ErrorNamesConfigPath()
    {
        var e = Assert.Throws<ArgumentException>(() => new MqttSubscription(new MqttSubscriptionConfig
        {
            Name = "j", Topic = "j/#", Format = "json", Mappings = [new JsonMappingConfig { Path = "a", Family = "dcim_nope" }],
        }, 3, null, 0));

        Assert.Equal("mqtt.subscriptions[3].mappings[0]: 'dcim_nope' is not a device family of spec/metrics.md", e.Message);
    }

    [Fact]
    public void ClientOptions_BadUrlAndSession_ErrorsNamePath()
    {
        Assert.Equal("mqtt.brokers[0].url: scheme 'http' is not mqtt or mqtts",
            Assert.Throws<ArgumentException>(() => MqttClientOptionsFactory.Build(new MqttBrokerConfig { Url = "http://x:1" }, "mqtt.brokers[0]")).Message);
        Assert.Equal("mqtt.brokers[0].session: 'sticky' is not clean or persistent",
            Assert.Throws<ArgumentException>(() => MqttClientOptionsFactory.Build(new MqttBrokerConfig { Url = "mqtt://x", Session = "sticky" }, "mqtt.brokers[0]")).Message);
        Assert.Equal(("x", 8883, true), MqttClientOptionsFactory.ParseUrl("mqtts://x", "b"));
    }

    [Fact]
    public void ClientOptions_SocketBufferAndReceiveMaximum_SetForFloods()
    {
        var v5 = MqttClientOptionsFactory.Build(new MqttBrokerConfig { Url = "mqtt://x", Protocol = 5, QueueCapacity = 500 }, "b");
        var v311 = MqttClientOptionsFactory.Build(new MqttBrokerConfig { Url = "mqtt://x", Protocol = 3, QueueCapacity = 500 }, "b");
        var huge = MqttClientOptionsFactory.Build(new MqttBrokerConfig { Url = "mqtt://x", Protocol = 5, QueueCapacity = 1_000_000 }, "b");

        // MQTTnet's 8 KiB default stalls a loopback flood (see SocketBufferBytes).
        Assert.Equal(1_048_576, Assert.IsType<MqttClientTcpOptions>(v5.ChannelOptions).BufferSize);
        Assert.Equal(1_048_576, Assert.IsType<MqttClientTcpOptions>(v311.ChannelOptions).BufferSize);
        Assert.Equal(500, v5.ReceiveMaximum);
        Assert.Equal(0, v311.ReceiveMaximum);
        Assert.Equal(65_535, huge.ReceiveMaximum);
    }

    [Fact]
    public async Task Probe_TasmotaFixture_PrintsExpositionAndExitsZero()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var rc = await PayloadProbe.RunAsync(
            ["--input", RepoPaths.Fixture("mqtt", "tasmota_sonoff-pow-r2_tele-SENSOR.json"), "--format", "tasmota", "--device", "pow1"],
            stdout, stderr, CancellationToken.None);

        Assert.Equal(0, rc);
        var text = stdout.ToString();
        Assert.Contains("dcim_pdu_power_watts{device=\"pow1\",device_class=\"meter\"} 2635\n", text, StringComparison.Ordinal);
        Assert.Contains("dcim_pdu_energy_joules_total{device=\"pow1\",device_class=\"meter\"} 22658400\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dcim_mqtt_messages_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("last_success", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_RejectedPayload_ExitsOneWithReason()
    {
        var stderr = new StringWriter();
        var file = RepoPaths.Fixture("mqtt", "sparkplugb_NDATA_spec-example.json.txt");

        var rc = await PayloadProbe.RunAsync(["--input", file, "--format", "json", "--map", "metrics[0].value=dcim_server_power_watts"], new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(1, rc);
        Assert.Equal($"probe: {file}: rejected: malformed JSON at line 2, byte 1\n", stderr.ToString());
    }

    [Fact]
    public async Task Probe_SparkplugWithoutTopic_UsageErrorTwo()
    {
        var stderr = new StringWriter();

        var rc = await PayloadProbe.RunAsync(["--input", "x", "--format", "sparkplug-b"], new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(2, rc);
        Assert.StartsWith("probe: sparkplug-b needs --topic", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_DcimJsonDocument_PrintsAcceleratorFamilies()
    {
        using var dir = new TempDir();
        var file = dir.File("h100.json", """{"schema":"dcim-json/1","host":"gpu1","boards":[{"index":0,"power_watts":699.5,"uuid":"GPU-1"}]}""");
        var stdout = new StringWriter();

        var rc = await PayloadProbe.RunAsync(["--input", file, "--format", "dcim-json"], stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, rc);
        Assert.Contains("dcim_accelerator_power_watts{device=\"gpu1\",device_class=\"accelerator_host\",accelerator=\"0\"} 699.5\n", stdout.ToString(), StringComparison.Ordinal);
    }
}
