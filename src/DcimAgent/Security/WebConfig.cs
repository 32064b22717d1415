using YamlDotNet.RepresentationModel;

namespace DcimAgent.Security;

/// <summary>
/// TLS and basic auth for the HTTP endpoints, in the shape of Prometheus' web configuration file
/// (exporter-toolkit): <c>tls_server_config: { cert_file, key_file, client_ca_file }</c> and
/// <c>basic_auth_users: { NAME: BCRYPT_HASH }</c>. Passwords are only ever held as bcrypt hashes.
/// </summary>
public sealed class WebConfig
{
    public string? CertFile { get; init; }

    public string? KeyFile { get; init; }

    public string? ClientCaFile { get; init; }

    public IReadOnlyDictionary<string, string> BasicAuthUsers { get; init; } = new Dictionary<string, string>();

    public bool TlsEnabled => CertFile is not null;

    public bool AuthEnabled => BasicAuthUsers.Count > 0;

    /// <summary>Reads and checks the file; problems are returned with their key path, never with a hash.</summary>
    public static WebConfig Load(string path, out List<string> errors)
    {
        errors = [];
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException
            or InvalidOperationException or ArgumentException)
        {
            errors.Add($"{path}: cannot read web config: {ex.Message}");
            return new WebConfig();
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new WebConfig();
        }

        string? cert = null, key = null, ca = null;
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in root.Children)
        {
            var name = ((YamlScalarNode)k).Value;
            switch (name)
            {
                case "tls_server_config" when v is YamlMappingNode tls:
                    foreach (var (tk, tv) in tls.Children)
                    {
                        var tname = ((YamlScalarNode)tk).Value;
                        var value = ResolveRelative(path, (tv as YamlScalarNode)?.Value);
                        switch (tname)
                        {
                            case "cert_file": cert = value; break;
                            case "key_file": key = value; break;
                            case "client_ca_file": ca = value; break;
                            case "client_auth_type" or "min_version" or "max_version" or "cipher_suites" or "prefer_server_cipher_suites" or "curve_preferences":
                                break;
                            default:
                                errors.Add($"{path}:{tk.Start.Line}: tls_server_config.{tname}: unknown key");
                                break;
                        }
                    }

                    break;
                case "basic_auth_users" when v is YamlMappingNode bau:
                    foreach (var (uk, uv) in bau.Children)
                    {
                        var user = ((YamlScalarNode)uk).Value ?? string.Empty;
                        var hash = (uv as YamlScalarNode)?.Value ?? string.Empty;
                        if (!hash.StartsWith("$2", StringComparison.Ordinal))
                        {
                            errors.Add($"{path}:{uk.Start.Line}: basic_auth_users.{user}: not a bcrypt hash (create one with htpasswd -nBC 10 \"\" | tr -d ':\\n')");
                            continue;
                        }

                        users[user] = hash;
                    }

                    break;
                case "http_server_config":
                    break;
                default:
                    errors.Add($"{path}:{k.Start.Line}: {name}: unknown key");
                    break;
            }
        }

        if ((cert is null) != (key is null))
        {
            errors.Add($"{path}: tls_server_config needs both cert_file and key_file");
        }

        foreach (var f in new[] { cert, key, ca })
        {
            if (f is not null && !File.Exists(f))
            {
                errors.Add($"{path}: no such file '{f}'");
            }
        }

        return new WebConfig { CertFile = cert, KeyFile = key, ClientCaFile = ca, BasicAuthUsers = users };
    }

    private static string? ResolveRelative(string configPath, string? file) =>
        file is null || Path.IsPathRooted(file) ? file : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".", file);
}
