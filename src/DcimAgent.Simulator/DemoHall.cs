using System.Net;
using DcimAgent.Simulator.Devices;
using DcimAgent.Simulator.Mqtt;
using DcimAgent.Simulator.Physics;
using DcimAgent.Snmp.Agent;
using DcimAgent.Snmp.Security;

namespace DcimAgent.Simulator;

/// <summary>
/// The running demo hall: one SNMP agent per simulated device, the embedded broker, and the model. Each
/// <see cref="TickAsync"/> advances the model by the real time elapsed × the time scale, swaps every device's
/// MIB view and publishes the accelerator and meter documents. The host's hosted service calls it once per
/// <see cref="HallOptions.TickInterval"/>; tests call it directly.
/// </summary>
public sealed class DemoHall : IAsyncDisposable
{
    private readonly List<(ISimulatedDevice Device, SnmpAgent Agent)> _agents = [];
    private readonly TimeProvider _clock;
    private EmbeddedBroker? _broker;
    private long _lastTick;

    public DemoHall(HallOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.TimeScale > 0) || double.IsInfinity(options.TimeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"time scale must be a positive number, got {options.TimeScale}");
        }

        Options = options;
        Layout = new HallLayout(options);
        Model = new HallModel(Layout);
        _clock = clock ?? TimeProvider.System;
    }

    public HallOptions Options { get; }

    public HallLayout Layout { get; }

    public HallModel Model { get; }

    public IReadOnlyList<SimulatedDeviceSpec> Devices => Layout.SnmpDevices;

    public long Ticks { get; private set; }

    /// <summary>Binds every device and the broker. A port already in use fails here, naming the device and port.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var bind = IPAddress.Parse(Options.BindAddress);
        foreach (var spec in Layout.SnmpDevices)
        {
            ct.ThrowIfCancellationRequested();
            var device = Create(spec);
            var agent = new SnmpAgent(device.Render(Model), AgentOptions(spec), _clock);
            try
            {
                agent.Start(new IPEndPoint(bind, spec.Port));
            }
            catch (System.Net.Sockets.SocketException e)
            {
                await agent.DisposeAsync();
                throw new InvalidOperationException($"simulator: cannot bind {spec.Name} ({spec.Kind}) to udp {bind}:{spec.Port}: {e.Message}", e);
            }

            _agents.Add((device, agent));
        }

        _broker = new EmbeddedBroker(bind, Options.MqttPort);
        try
        {
            await _broker.StartAsync();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException($"simulator: cannot bind the MQTT broker to tcp {bind}:{Options.MqttPort}: {e.Message}", e);
        }

        _lastTick = _clock.GetTimestamp();
        await PublishAsync(ct);
    }

    /// <summary>Advances the model by the real time since the last tick (scaled) and refreshes every device.</summary>
    public Task TickAsync(CancellationToken ct)
    {
        var now = _clock.GetTimestamp();
        var real = _clock.GetElapsedTime(_lastTick, now).TotalSeconds;
        _lastTick = now;
        return AdvanceAsync(real * Options.TimeScale, ct);
    }

    /// <summary>Advances the model by <paramref name="simulatedSeconds"/> and refreshes every device.</summary>
    public async Task AdvanceAsync(double simulatedSeconds, CancellationToken ct)
    {
        Model.Advance(simulatedSeconds);
        foreach (var (device, agent) in _agents)
        {
            agent.Table = device.Render(Model);
        }

        await PublishAsync(ct);
        Ticks++;
    }

    private async Task PublishAsync(CancellationToken ct)
    {
        if (_broker is null)
        {
            return;
        }

        var ms = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var host in Model.Hosts)
        {
            await _broker.PublishAsync(HallLayout.AcceleratorTopic(Options.Site, host.Rack, host.Name), DcimJsonDocument.Write(host, ms), ct);
        }

        await _broker.PublishAsync(HallLayout.MeterTopic(Options.Site, Model.Mains.Name), MeterDocument.Write(Model.Mains, ms), ct);
        await _broker.PublishAsync(HallLayout.MeterTopic(Options.Site, Model.CoolingMeter.Name), MeterDocument.Write(Model.CoolingMeter, ms), ct);
    }

    private SnmpAgentOptions AgentOptions(SimulatedDeviceSpec spec)
    {
        var engine = UsmAuthoritativeEngine.TextEngineId("dcim-sim-" + spec.Name);
        return spec.V3
            ? new SnmpAgentOptions
            {
                Communities = [],
                Users = [new UsmCredentials(Options.V3User, SecurityLevel.AuthPriv, AuthProtocol.Sha256, Options.V3AuthPassword, PrivProtocol.Aes128, Options.V3PrivPassword)],
                EngineId = engine,
            }
            : new SnmpAgentOptions { Communities = [Options.Community], EngineId = engine };
    }

    private static ISimulatedDevice Create(SimulatedDeviceSpec spec) => spec.Kind switch
    {
        SimulatedDeviceKind.ApcRackPdu => new ApcRackPdu(spec),
        SimulatedDeviceKind.ApcSmartUps => new ApcSmartUps(spec),
        SimulatedDeviceKind.ApcInRowRc => new ApcInRowRc(spec),
        SimulatedDeviceKind.ApcChiller => new ApcChiller(spec),
        SimulatedDeviceKind.DellIdrac => new DellIdrac(spec),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown simulated device kind"),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, agent) in _agents)
        {
            await agent.DisposeAsync();
        }

        _agents.Clear();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
            _broker = null;
        }
    }
}
