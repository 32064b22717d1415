using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DcimAgent.Configuration;

/// <summary>
/// Binds a YAML node tree onto the option classes, strictly: every key must be a known property
/// (snake_case of its name), every scalar must parse as the property's type. Each problem is recorded with
/// its key path and line, and binding goes on so one run reports them all. Values of [Secret] properties
/// are never echoed in an error. <c>${VAR}</c> (and <c>${VAR:-default}</c>) expands from the environment.
/// </summary>
internal sealed partial class YamlBinder
{
    private readonly string _file;
    private readonly Func<string, string?> _env;
    private readonly List<ConfigError> _errors;

    public YamlBinder(string file, Func<string, string?> env, List<ConfigError> errors)
    {
        _file = file;
        _env = env;
        _errors = errors;
    }

    public T BindRoot<T>(YamlNode? root)
        where T : new()
    {
        if (root is null || (root is YamlScalarNode s && string.IsNullOrEmpty(s.Value)))
        {
            return new T();
        }

        return (T)(Bind(root, typeof(T), string.Empty, secret: false) ?? new T());
    }

    /// <summary>The YAML key of a property: snake_case of its name (StateDir → state_dir).</summary>
    public static string KeyOf(PropertyInfo p) => SnakeCase(p.Name);

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The line of every key path seen, for semantic errors found after binding.</summary>
    public Dictionary<string, long> Lines { get; } = new(StringComparer.Ordinal);

    private object? Bind(YamlNode node, Type type, string path, bool secret)
    {
        Lines[path] = Line(node);
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return IsNull(node) ? null : Bind(node, underlying, path, secret);
        }

        if (type == typeof(string) || type == typeof(int) || type == typeof(double) || type == typeof(bool) || type == typeof(TimeSpan))
        {
            return BindScalar(node, type, path, secret);
        }

        if (type == typeof(object))
        {
            return FreeForm(node, path);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return BindList(node, type, path, secret);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return BindDictionary(node, type, path, secret);
        }

        return BindObject(node, type, path);
    }

    private object? BindObject(YamlNode node, Type type, string path)
    {
        if (IsNull(node))
        {
            return Activator.CreateInstance(type);
        }

        if (node is not YamlMappingNode map)
        {
            Error(path, node, "expected a mapping (key: value pairs)");
            return Activator.CreateInstance(type);
        }

        var target = Activator.CreateInstance(type)!;
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<ConfigIgnoreAttribute>() is null)
            .ToDictionary(KeyOf, StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var childPath = Join(path, key);
            if (!props.TryGetValue(key, out var prop))
            {
                var hint = Suggest(key, props.Keys);
                Error(childPath, keyNode, $"unknown key '{key}'{hint}");
                continue;
            }

            var secret = prop.GetCustomAttribute<SecretAttribute>() is not null;
            var value = Bind(valueNode, prop.PropertyType, childPath, secret);
            if (value is not null || Nullable.GetUnderlyingType(prop.PropertyType) is not null || !prop.PropertyType.IsValueType)
            {
                if (value is null && !IsNullableProperty(prop))
                {
                    continue;
                }

                prop.SetValue(target, value);
            }
        }

        return target;
    }

    private static bool IsNullableProperty(PropertyInfo prop)
    {
        if (prop.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(prop.PropertyType) is not null;
        }

        return new NullabilityInfoContext().Create(prop).WriteState == NullabilityState.Nullable;
    }

    private object BindList(YamlNode node, Type type, string path, bool secret)
    {
        var list = (IList)Activator.CreateInstance(type)!;
        var itemType = type.GetGenericArguments()[0];
        if (IsNull(node))
        {
            return list;
        }

        if (node is YamlScalarNode && itemType == typeof(string))
        {
            // A single value where a list is expected: meters: { facility: mains-1 }.
            list.Add(Bind(node, itemType, path, secret));
            return list;
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(path, node, "expected a list");
            return list;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            var value = Bind(item, itemType, $"{path}[{i}]", secret);
            if (value is not null)
            {
                list.Add(value);
            }

            i++;
        }

        return list;
    }

    private object BindDictionary(YamlNode node, Type type, string path, bool secret)
    {
        var dict = (IDictionary)Activator.CreateInstance(type)!;
        var valueType = type.GetGenericArguments()[1];
        if (IsNull(node))
        {
            return dict;
        }

        if (node is not YamlMappingNode map)
        {
            Error(path, node, "expected a mapping (key: value pairs)");
            return dict;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var value = Bind(valueNode, valueType, Join(path, key), secret);
            if (value is not null)
            {
                dict[key] = value;
            }
        }

        return dict;
    }

    private object? FreeForm(YamlNode node, string path) => node switch
    {
        YamlScalarNode s => IsNull(s) ? null : Expand(s.Value ?? string.Empty, path, s, secret: false),
        YamlSequenceNode seq => seq.Children.Select((c, i) => FreeForm(c, $"{path}[{i}]")).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value ?? string.Empty,
            kv => FreeForm(kv.Value, Join(path, ((YamlScalarNode)kv.Key).Value ?? string.Empty)),
            StringComparer.Ordinal),
        _ => null,
    };

    private object? BindScalar(YamlNode node, Type type, string path, bool secret)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(path, node, $"expected a single {Describe(type)}, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
            return null;
        }

        if (IsNull(scalar))
        {
            return type == typeof(string) ? null : null;
        }

        var text = Expand(scalar.Value ?? string.Empty, path, scalar, secret);
        if (text is null)
        {
            return null;
        }

        var shown = secret ? "(secret value)" : $"'{text}'";
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(int))
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            {
                return i;
            }

            Error(path, node, $"{shown} is not an integer");
            return null;
        }

        if (type == typeof(double))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            {
                return d;
            }

            Error(path, node, $"{shown} is not a number");
            return null;
        }

        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var b))
            {
                return b;
            }

            Error(path, node, $"{shown} is not true or false");
            return null;
        }

        if (Durations.TryParse(text, out var ts))
        {
            return ts;
        }

        Error(path, node, $"{shown} is not a duration (use e.g. 500ms, 30s, 5m, 1h)");
        return null;
    }

    private string? Expand(string text, string path, YamlNode node, bool secret)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var failed = false;
        var result = EnvRegex().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            var value = _env(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }

            if (m.Groups["default"].Success)
            {
                return m.Groups["default"].Value;
            }

            failed = true;
            Error(path, node, $"environment variable {name} is not set");
            return string.Empty;
        });
        _ = secret;
        return failed ? null : result;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(Type t) =>
        t == typeof(TimeSpan) ? "duration" : t == typeof(int) ? "integer" : t == typeof(double) ? "number" : t == typeof(bool) ? "boolean" : "value";

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Suggest(string key, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: Distance(k, key))).OrderBy(x => x.d).FirstOrDefault();
        return best.k is not null && best.d <= 3 ? $" (did you mean '{best.k}'?)" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    private void Error(string path, YamlNode node, string message) =>
        _errors.Add(new ConfigError($"{_file}:{Line(node)}: {(path.Length == 0 ? "(root)" : path)}", message));

    public static long Line(YamlNode node) => node.Start.Line;

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex EnvRegex();
}
