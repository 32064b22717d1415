using System.Net;
using DcimAgent.Configuration;
using DcimAgent.Exposition;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;
using DcimAgent.Snmp.Text;
using DcimAgent.Snmp.Traps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DcimAgent.Traps;

/// <summary>
/// Runs the trap/inform receiver of <c>snmp.traps</c>: each accepted notification counts in
/// <c>dcim_snmp_traps_received_total{trap}</c> (under the sending device when its address is a configured target)
/// and becomes one structured log event with its varbinds. Unknown communities/users, bad digests, malformed
/// datagrams and queue overflow are counted in dcim_agent_traps_dropped_total{reason}; their logs are rate-limited.
/// </summary>
public sealed partial class TrapService : BackgroundService
{
    private readonly AgentConfig _config;
    private readonly SeriesStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<TrapService> _log;
    private readonly Counter _dropped;
    private readonly Dictionary<IPAddress, DeviceIdentity> _devicesByAddress = [];
    private SnmpTrapListener? _listener;
    private long _lastDropLogMs;

    public TrapService(AgentConfig config, SeriesStore store, TimeProvider time, AgentMetrics metrics, ILogger<TrapService> log)
    {
        _config = config;
        _store = store;
        _time = time;
        _log = log;
        _dropped = metrics.Factory.CreateCounter("dcim_agent_traps_dropped_total", "Notifications refused or dropped by the trap receiver", ["reason"]);
        foreach (var t in config.Snmp.Targets)
        {
            if (HostPort.TryParse(t.Address, 161, out var hp) && IPAddress.TryParse(hp.Host, out var ip))
            {
                var labels = new Dictionary<string, string>(t.Labels) { ["site"] = t.Labels.GetValueOrDefault("site", config.Agent.Site) };
                _devicesByAddress.TryAdd(ip, new DeviceIdentity(t.Name, t.DeviceClass ?? "pdu", labels));
            }
        }
    }

    /// <summary>The bound endpoint once started (tests use port 0).</summary>
    public IPEndPoint? EndPoint => _listener?.EndPoint;

    public SnmpTrapListenerCounters? Counters => _listener?.Counters;

    public static SnmpTrapListenerOptions Options(AgentConfig config)
    {
        var t = config.Snmp.Traps!;
        HostPort.TryParse(t.Listen, 162, out var hp);
        var ip = hp.Host is "0.0.0.0" or "*" ? IPAddress.Any : IPAddress.Parse(hp.Host);
        var users = t.Users
            .Select(name => config.Snmp.Credentials.First(c => c.Name == name))
            .Select(SnmpCredentialMapping.User)
            .OfType<Snmp.Security.UsmCredentials>()
            .ToList();
        return new SnmpTrapListenerOptions
        {
            EndPoint = new IPEndPoint(ip, hp.Port),
            Communities = t.Communities,
            Users = users,
            QueueCapacity = t.QueueSize,
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _listener = new SnmpTrapListener(Options(_config), _time);
        try
        {
            var ep = _listener.Start();
            LogListening(ep.ToString());
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            LogCannotListen(_config.Snmp.Traps!.Listen, ex.Message);
            return;
        }

        using var reporter = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        var reporting = ReportDropsAsync(reporter, stoppingToken);
        try
        {
            await foreach (var n in _listener.Notifications.ReadAllAsync(stoppingToken))
            {
                Handle(n);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await reporting;
    }

    private void Handle(SnmpNotification n)
    {
        var name = TrapNames.Of(n.TrapOid);
        var device = _devicesByAddress.GetValueOrDefault(n.Source.Address)
            ?? new DeviceIdentity(n.Source.Address.ToString(), "sensor_hub", new Dictionary<string, string> { ["site"] = _config.Agent.Site });
        var labels = LabelSet.Of(("trap", name));
        _store.TryGet(MetricCatalog.SnmpTrapsReceived, device, labels, out var current);
        _store.Write(new Sample(MetricCatalog.SnmpTrapsReceived, device, labels, current + 1, _time.GetUtcNow().ToUnixTimeMilliseconds()));
        if (_log.IsEnabled(LogLevel.Information))
        {
            var varbinds = string.Join("; ", n.VarBinds.Select(v => NetSnmpFormatter.FormatLine(v)));
            LogNotification(n.IsInform ? "inform" : "trap", name, n.Source.ToString(), device.Device, n.Version.ToString(), n.SecurityName.Length > 0 && n.Version == Snmp.Messages.SnmpVersion.V3 ? n.SecurityName : "-", varbinds);
        }
    }

    private async Task ReportDropsAsync(PeriodicTimer timer, CancellationToken ct)
    {
        long lastUnknown = 0, lastAuth = 0, lastMalformed = 0, lastQueue = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var c = _listener!.Counters;
                var unknown = c.UnknownCommunity + c.UnknownUser;
                Add("unknown_community_or_user", unknown - lastUnknown);
                Add("auth_failure", c.AuthFailures - lastAuth);
                Add("malformed", c.Malformed - lastMalformed);
                Add("queue_full", c.QueueDropped - lastQueue);
                var total = (unknown - lastUnknown) + (c.AuthFailures - lastAuth) + (c.Malformed - lastMalformed) + (c.QueueDropped - lastQueue);
                (lastUnknown, lastAuth, lastMalformed, lastQueue) = (unknown, c.AuthFailures, c.Malformed, c.QueueDropped);
                var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                if (total > 0 && now - _lastDropLogMs >= 60_000)
                {
                    _lastDropLogMs = now;
                    LogDropped(total, unknown, c.AuthFailures, c.Malformed, c.QueueDropped);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void Add(string reason, long delta)
    {
        if (delta > 0)
        {
            _dropped.WithLabels(reason).Inc(delta);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Trap receiver listening on {EndPoint}")]
    private partial void LogListening(string endPoint);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Trap receiver cannot listen on {Listen}: {Reason} (port 162 needs CAP_NET_BIND_SERVICE)")]
    private partial void LogCannotListen(string listen, string reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "SNMP {Kind} {Trap} from {Source} (device {Device}, {Version}, user {User}): {VarBinds}")]
    private partial void LogNotification(string kind, string trap, string source, string device, string version, string user, string varBinds);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Trap receiver dropped {Count} notifications in the last period (totals: unknown community/user {Unknown}, auth failures {Auth}, malformed {Malformed}, queue full {Queue})")]
    private partial void LogDropped(long count, long unknown, long auth, long malformed, long queue);
}
