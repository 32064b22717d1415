using System.Collections.Concurrent;
using System.Text;

namespace DcimAgent.Snmp.Security;

/// <summary>
/// Caches password-to-key results (1 MiB of hashing each, RFC 3414 A.2) and localized keys per
/// (engine id, password, protocol). Thread-safe; share one per process.
/// </summary>
public sealed class UsmKeyCache
{
    private readonly ConcurrentDictionary<string, byte[]> _ku = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UsmUserKeys> _localized = new(StringComparer.Ordinal);

    private readonly int _capacity;

    /// <param name="capacity">
    /// Most localized keys kept; past it the cache starts over. A receiver localizes keys for whatever engine id a
    /// v3 trap claims before its digest can be checked, so without a bound unauthenticated datagrams with random
    /// engine ids would grow the cache without end. Re-localizing is one hash: starting over is cheap.
    /// </param>
    public UsmKeyCache(int capacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public static UsmKeyCache Shared { get; } = new();

    public int Count => _localized.Count;

    /// <summary>Keys for <paramref name="credentials"/> localized to <paramref name="engineId"/>.</summary>
    public UsmUserKeys GetKeys(UsmCredentials credentials, ReadOnlySpan<byte> engineId)
    {
        var engineHex = Convert.ToHexString(engineId);
        var key = string.Join('\u0001', credentials.UserName, credentials.Level, credentials.Auth, credentials.AuthPassword,
            credentials.Priv, credentials.PrivPassword, engineHex);
        if (_localized.TryGetValue(key, out var keys))
        {
            return keys;
        }

        var id = engineId.ToArray();
        byte[]? authKey = null;
        byte[]? privKey = null;
        if (credentials.Level >= SecurityLevel.AuthNoPriv)
        {
            authKey = KeyLocalization.Localize(credentials.Auth, Ku(credentials.Auth, credentials.AuthPassword!), id);
        }

        if (credentials.Level == SecurityLevel.AuthPriv)
        {
            var localized = KeyLocalization.Localize(credentials.Auth, Ku(credentials.Auth, credentials.PrivPassword!), id);
            privKey = KeyLocalization.ExtendPrivacyKey(credentials.Auth, credentials.Priv, localized, id);
        }

        keys = new UsmUserKeys(credentials, id, authKey, privKey);
        if (_localized.Count >= _capacity)
        {
            _localized.Clear();
        }

        return _localized.GetOrAdd(key, keys);
    }

    private byte[] Ku(AuthProtocol protocol, string password) =>
        _ku.GetOrAdd($"{protocol}\u0001{password}", _ => KeyLocalization.PasswordToKey(protocol, Encoding.UTF8.GetBytes(password)));
}
