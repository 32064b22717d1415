using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DcimAgent.Security;

/// <summary>
/// HTTP basic auth against bcrypt hashes. bcrypt is slow on purpose (tens of ms), so a successful check is
/// remembered by a SHA-256 of user+password+hash (never the password itself) — Prometheus scrapes every few
/// seconds and must not pay bcrypt each time.
/// </summary>
public sealed class BasicAuthMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    public BasicAuthMiddleware(RequestDelegate next, WebConfig config)
    {
        _next = next;
        _users = config.BasicAuthUsers;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (Authorized(context.Request.Headers.Authorization.ToString()))
        {
            return _next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"dcim-agent\", charset=\"UTF-8\"";
        return context.Response.WriteAsync("Unauthorized\n");
    }

    private bool Authorized(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var user = decoded[..colon];
        var password = decoded[(colon + 1)..];
        if (!_users.TryGetValue(user, out var hash))
        {
            return false;
        }

        var cacheKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password + "\0" + hash)));
        if (_verified.ContainsKey(cacheKey))
        {
            return true;
        }

        bool ok;
        try
        {
            ok = BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            ok = false;
        }

        if (ok && _verified.Count < 1024)
        {
            _verified[cacheKey] = true;
        }

        return ok;
    }
}
