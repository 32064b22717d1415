using DcimAgent.Configuration;
using DcimAgent.Model.Querying;
using DcimAgent.Snmp.Cli;
using DcimAgent.Snmp.Client;

namespace DcimAgent.Polling;

/// <summary>
/// Makes <see cref="SnmpClientQuerier"/>s that share one <see cref="SnmpClient"/> (one socket carries every
/// target). Credentials come from <c>snmp.credentials</c>, timing from the target or <c>snmp.defaults</c>.
/// </summary>
public sealed class SnmpClientQuerierFactory : ISnmpQuerierFactory, IAsyncDisposable, IDisposable
{
    private readonly SnmpClient _client;

    public SnmpClientQuerierFactory(TimeProvider? time = null) => _client = new SnmpClient(null, null, time);

    /// <summary>The shared client's counters (timeouts, v3 resyncs).</summary>
    public SnmpClientCounters Counters => _client.Counters;

    public ISnmpQuerier Create(SnmpTargetConfig target, SnmpCredential? credential, SnmpDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(defaults);
        var c = credential ?? new SnmpCredential { Version = "2c", Community = "public" };
        var options = new SnmpCliOptions
        {
            Version = SnmpCliOptions.ParseVersion(c.Version),
            Community = c.Community ?? "public",
            User = c.Username,
            Level = c.SecurityLevel is { } level ? SnmpCliOptions.ParseLevel(level) : null,
            Auth = c.AuthProtocol is { } auth ? SnmpCliOptions.ParseAuth(auth) : Snmp.Security.AuthProtocol.Md5,
            AuthPassword = c.AuthPassword,
            Priv = c.PrivProtocol is { } priv ? SnmpCliOptions.ParsePriv(priv) : Snmp.Security.PrivProtocol.Des,
            PrivPassword = c.PrivPassword,
            ContextName = c.Context ?? string.Empty,
            Timeout = target.Timeout ?? defaults.Timeout,
            Retries = target.Retries ?? defaults.Retries,
            MaxRepetitions = target.MaxRepetitions ?? defaults.MaxRepetitions,
        };
        return new SnmpClientQuerier(_client, options.ToTarget(target.Address));
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    public void Dispose() => _client.Dispose();
}
