using System.Collections;
using System.Reflection;
using System.Text;

namespace DcimAgent.Configuration;

/// <summary>Writes the effective config back as YAML with every [Secret] value replaced by <c>"****"</c>.</summary>
public static class ConfigPrinter
{
    public const string Mask = "****";

    public static string Print(AgentConfig config)
    {
        var sb = new StringBuilder();
        WriteObject(sb, config, 0);
        return sb.ToString();
    }

    private static void WriteObject(StringBuilder sb, object obj, int indent)
    {
        foreach (var p in obj.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<ConfigIgnoreAttribute>() is not null || p.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = p.GetValue(obj);
            if (value is null)
            {
                continue;
            }

            var key = YamlBinder.KeyOf(p);
            var secret = p.GetCustomAttribute<SecretAttribute>() is not null;
            WriteValue(sb, key, value, indent, secret);
        }
    }

    private static void WriteValue(StringBuilder sb, string key, object value, int indent, bool secret)
    {
        var pad = new string(' ', indent);
        switch (value)
        {
            case string s:
                sb.Append(pad).Append(key).Append(": ").Append(secret ? Mask : Quote(s)).Append('\n');
                break;
            case TimeSpan t:
                sb.Append(pad).Append(key).Append(": ").Append(Durations.Format(t)).Append('\n');
                break;
            case bool b:
                sb.Append(pad).Append(key).Append(": ").Append(b ? "true" : "false").Append('\n');
                break;
            case IFormattable f:
                sb.Append(pad).Append(key).Append(": ").Append(f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                break;
            case IDictionary d:
                if (d.Count == 0)
                {
                    break;
                }

                sb.Append(pad).Append(key).Append(":\n");
                foreach (DictionaryEntry e in d)
                {
                    if (e.Value is not null)
                    {
                        WriteValue(sb, e.Key.ToString()!, e.Value, indent + 2, secret);
                    }
                }

                break;
            case IList l:
                if (l.Count == 0)
                {
                    break;
                }

                sb.Append(pad).Append(key).Append(":\n");
                foreach (var item in l)
                {
                    if (item is string or IFormattable)
                    {
                        sb.Append(pad).Append("  - ").Append(secret ? Mask : Quote(Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture)!)).Append('\n');
                    }
                    else if (item is not null)
                    {
                        var inner = new StringBuilder();
                        WriteObject(inner, item, indent + 4);
                        var text = inner.ToString();
                        sb.Append(pad).Append("  - ").Append(text.AsSpan(indent + 4));
                    }
                }

                break;
            default:
                sb.Append(pad).Append(key).Append(":\n");
                WriteObject(sb, value, indent + 2);
                break;
        }
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
