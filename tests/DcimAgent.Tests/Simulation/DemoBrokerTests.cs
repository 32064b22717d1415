using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using DcimAgent.Model.Accelerators;
using DcimAgent.Simulator;
using MQTTnet;

namespace DcimAgent.Tests.Simulation;

/// <summary>
/// The demo hall's embedded broker, subscribed to by a real MQTT client over TCP: the accelerator hosts'
/// dcim-json documents (read back with the project's dcim-json reader) and the meters' JSON. Ports 19220–19231.
/// </summary>
public sealed class DemoBrokerTests : IAsyncLifetime
{
    private const int BasePort = 19220;
    private const int MqttPort = 19231;
    private readonly DemoHall _hall = new(new HallOptions { Racks = 2, SnmpBasePort = BasePort, MqttPort = MqttPort, Site = "lab" });
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, byte[]> _last = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        await _hall.StartAsync(CancellationToken.None);
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _last[e.ApplicationMessage.Topic] = e.ApplicationMessage.Payload.ToArray();
            return Task.CompletedTask;
        };
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", MqttPort).WithClientId("demo-broker-test").Build());
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("dcim/#").WithTopicFilter("bms/#").Build());
    }

    public async Task DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
        await _hall.DisposeAsync();
    }

    private async Task<byte[]> NextAsync(string topic)
    {
        _last.TryRemove(topic, out _);
        for (var i = 0; i < 50; i++)
        {
            await _hall.AdvanceAsync(1, CancellationToken.None);
            await Task.Delay(20);
            if (_last.TryGetValue(topic, out var payload))
            {
                return payload;
            }
        }

        throw new TimeoutException($"nothing on {topic}");
    }

    [Fact]
    public async Task H100Host_PublishesDcimJsonWithEightBoardsMatchingTheModel()
    {
        await _hall.AdvanceAsync(120, CancellationToken.None);
        var doc = DcimJsonDocument.Parse(await NextAsync("dcim/lab/A01/gpu-a01/accelerators"));

        Assert.Equal("gpu-a01", doc.Host);
        Assert.Equal(8, doc.Boards.Count);
        var b = doc.Boards[3];
        var model = _hall.Model.Hosts[0].Boards[3];
        Assert.Equal(model.Uuid, b.Uuid);
        Assert.Equal(model.Serial, b.Serial);
        Assert.Equal(3, b.Index);
        Assert.Equal("NVIDIA H100 80GB HBM3", b.Model);
        Assert.Equal("580.159.04", b.Driver);
        Assert.Equal(700, b.PowerLimit);
        Assert.Equal(89, b.SlowdownTemperature);
        Assert.InRange(b.Power!.Value, 698, 700);
        Assert.True(b.Throttled!["power_cap"]);
        Assert.False(b.Throttled["thermal"]);
        Assert.Equal(85_520_809_984, b.MemoryTotal);
        Assert.Equal(2_619_000_000, b.Clocks!["memory"]);
        Assert.Equal("ok", b.Health);
        Assert.StartsWith("GPU-", b.Uuid, StringComparison.Ordinal);
        Assert.InRange(b.Temperature!.Value, 55, 68);
    }

    [Fact]
    public async Task AscendHost_LeavesOutWhatNpuSmiDoesNotReport()
    {
        var payload = await NextAsync("dcim/lab/A02/npu-a02/accelerators");
        var doc = DcimJsonDocument.Parse(payload);

        Assert.Equal("npu-a02", doc.Host);
        Assert.All(doc.Boards, b => Assert.Equal("Ascend 910B3", b.Model));
        Assert.Null(doc.Boards[0].PowerLimit);
        Assert.Null(doc.Boards[0].Throttled);
        Assert.Equal(65536.0 * 1024 * 1024, doc.Boards[0].MemoryTotal);
        Assert.DoesNotContain("power_limit_watts", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainsMeter_PublishesKilowattsAndKilowattHoursOfTheModel()
    {
        using var json = JsonDocument.Parse(await NextAsync("bms/lab/meters/mains-1"));
        var root = json.RootElement;

        // Idle hall: eight hosts' chassis and boards, the UPS load, cooling and losses; the register starts at 422 222.2 kWh.
        Assert.Equal("mains-1", root.GetProperty("meter").GetString());
        Assert.InRange(root.GetProperty("p_kw").GetDouble(), 12, 16);
        Assert.InRange(root.GetProperty("e_kwh").GetDouble(), 422_222.2, 422_222.5);
        Assert.True(_hall.Model.Mains.PowerW > _hall.Model.ItPowerW, "the mains carry IT plus cooling and losses");
    }
}
