using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DcimAgent.Configuration;

/// <summary>
/// Reads the YAML config: syntax (file:line), strict binding (unknown keys, bad values), secrets from
/// <c>${ENV}</c> and <c>*_file</c> keys, then the cross-field rules of <see cref="ConfigValidator"/>.
/// Returns every problem at once; a config with any problem is never run.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Default path when neither --config nor $DCIM_AGENT_CONFIG is given.</summary>
    public const string DefaultPath = "/etc/dcim-agent/dcim-agent.yaml";

    public static string ResolvePath(string? cliPath, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(cliPath))
        {
            return cliPath;
        }

        var fromEnv = env("DCIM_AGENT_CONFIG");
        return string.IsNullOrEmpty(fromEnv) ? DefaultPath : fromEnv;
    }

    public static ConfigLoadResult Load(string path, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ConfigLoadResult.Failed(new ConfigError(path, $"cannot read config file: {ex.Message}"));
        }

        return Parse(text, path, env, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    private static long LastGoodLine(string text)
    {
        var parser = new Parser(new StringReader(text));
        long line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = parser.Current!.End.Line;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
        }

        return line;
    }

    /// <summary>Parses config text; <paramref name="baseDir"/> resolves relative secret and CA file paths.</summary>
    public static ConfigLoadResult Parse(string text, string fileName, Func<string, string?>? env = null, string? baseDir = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        baseDir ??= Directory.GetCurrentDirectory();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // Some malformed input makes YamlDotNet fail without a position (the scanner with InvalidOperation; the
            // node builder with ArgumentException "unsupported event" for a key-less entry such as "a:\n  : b",
            // found by fuzzing): find the place by replaying the parser's events.
            return ConfigLoadResult.Failed(new ConfigError($"{fileName}:{LastGoodLine(text)}", "YAML syntax error: malformed content after this line"));
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message;
            return ConfigLoadResult.Failed(new ConfigError(
                $"{fileName}:{ex.Start.Line}:{ex.Start.Column}",
                $"YAML syntax error: {ex.Message}{(inner is null ? string.Empty : " " + inner)}"));
        }

        if (stream.Documents.Count > 1)
        {
            return ConfigLoadResult.Failed(new ConfigError(fileName, "expected one YAML document, found several"));
        }

        var errors = new List<ConfigError>();
        var binder = new YamlBinder(fileName, env, errors);
        var config = binder.BindRoot<AgentConfig>(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
        config.SourcePath = fileName;
        var locate = new ConfigLocator(fileName, binder.Lines);
        SecretFiles.Resolve(config, baseDir, locate, errors);
        ConfigValidator.Validate(config, locate, errors);
        return new ConfigLoadResult(config, errors);
    }
}

/// <summary>The outcome of loading: the bound config and every problem (empty when valid).</summary>
public sealed record ConfigLoadResult(AgentConfig Config, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static ConfigLoadResult Failed(ConfigError error) => new(new AgentConfig(), [error]);
}

/// <summary>Turns a key path into "file:line: path" using the lines the binder recorded.</summary>
public sealed class ConfigLocator
{
    private readonly string _file;
    private readonly IReadOnlyDictionary<string, long> _lines;

    public ConfigLocator(string file, IReadOnlyDictionary<string, long> lines)
    {
        _file = file;
        _lines = lines;
    }

    public string At(string path)
    {
        // The nearest recorded ancestor gives the line (a key that was left out has none of its own).
        var p = path;
        while (p.Length > 0)
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return $"{_file}:{line}: {path}";
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut > 0 ? p[..cut] : string.Empty;
        }

        return $"{_file}: {path}";
    }

    public ConfigError Error(string path, string message) => new(At(path), message);
}
