using System.Reflection;

namespace DcimAgent.Configuration;

/// <summary>
/// Fills [Secret] properties from their <c>*_file</c> siblings (<c>priv_password_file</c> → <c>priv_password</c>),
/// so secrets can live in files readable only by the service user. The file's content is never shown.
/// </summary>
internal static class SecretFiles
{
    private const long MaxSecretBytes = 64 * 1024;

    public static void Resolve(object root, string baseDir, ConfigLocator locate, List<ConfigError> errors) =>
        Walk(root, string.Empty, baseDir, locate, errors);

    private static void Walk(object node, string path, string baseDir, ConfigLocator locate, List<ConfigError> errors)
    {
        var type = node.GetType();
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (prop.GetIndexParameters().Length > 0 || prop.GetCustomAttribute<ConfigIgnoreAttribute>() is not null)
            {
                continue;
            }

            var value = prop.GetValue(node);
            var key = YamlBinder.KeyOf(prop);
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (prop.GetCustomAttribute<SecretAttribute>() is not null && prop.PropertyType == typeof(string))
            {
                var fileProp = type.GetProperty(prop.Name + "File");
                if (fileProp?.GetValue(node) is string file && file.Length > 0)
                {
                    var filePath = $"{childPath}_file";
                    if (value is string s && s.Length > 0)
                    {
                        errors.Add(locate.Error(filePath, $"set either {key} or {key}_file, not both"));
                        continue;
                    }

                    var full = Path.IsPathRooted(file) ? file : Path.Combine(baseDir, file);
                    try
                    {
                        // Devices, FIFOs and /proc entries report length 0 and could block or never end (/dev/zero):
                        // only a non-empty regular file of sane size is read, and only up to that size.
                        var length = new FileInfo(full).Length;
                        if (length is 0 or > MaxSecretBytes)
                        {
                            errors.Add(locate.Error(filePath, $"secret file '{file}' is empty, not a regular file, or larger than {MaxSecretBytes / 1024} KiB"));
                            continue;
                        }

                        prop.SetValue(node, File.ReadAllText(full).TrimEnd('\r', '\n'));
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        errors.Add(locate.Error(filePath, $"cannot read secret file '{file}': {ex.GetType().Name switch
                        {
                            nameof(FileNotFoundException) => "no such file",
                            nameof(DirectoryNotFoundException) => "no such directory",
                            nameof(UnauthorizedAccessException) => "permission denied",
                            _ => "I/O error",
                        }}"));
                    }
                }

                continue;
            }

            switch (value)
            {
                case null or string or ValueType:
                    break;
                case System.Collections.IDictionary:
                    break;
                case System.Collections.IList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is { } item && item is not string && item.GetType().IsClass)
                        {
                            Walk(item, $"{childPath}[{i}]", baseDir, locate, errors);
                        }
                    }

                    break;
                default:
                    if (value.GetType().Namespace == typeof(AgentConfig).Namespace)
                    {
                        Walk(value, childPath, baseDir, locate, errors);
                    }

                    break;
            }
        }
    }
}
