namespace DcimAgent.Model.Accelerators;

/// <summary>Value conventions shared by the npu-smi views.</summary>
internal static class NpuSmiText
{
    public const string Vendor = "Huawei";

    /// <summary>npu-smi's "MB" is MiB: an HBM of 65536 MB is 64 GiB.</summary>
    public const double MiB = 1024 * 1024;

    /// <summary>Values npu-smi prints for a reading a die does not give (the A3's second die shows power as <c>-</c>).</summary>
    public static bool IsMissing(string value) =>
        value is "-" or "--" or "NA" or "N/A" or "" || value.Equals("NA", StringComparison.OrdinalIgnoreCase);

    /// <summary>Documentation copies replace names and versions with <c>xxx</c> / <c>x.x.x</c>: not a value.</summary>
    public static bool Redacted(string value) =>
        value.Length > 0 && value.Contains('x', StringComparison.OrdinalIgnoreCase)
        && value.All(c => c is 'x' or 'X' or '.');

    /// <summary>"910B3", "310", "Ascend 910A", "Ascend910" → a model label that always names the family.</summary>
    public static string? ModelName(string name)
    {
        name = name.Trim();
        if (name.Length == 0 || Redacted(name))
        {
            return null;
        }

        return name.StartsWith("Ascend", StringComparison.OrdinalIgnoreCase) ? name : "Ascend " + name;
    }

    /// <summary>
    /// npu-smi health words (DCMI health 0..3: OK, general warning, important warning, urgent warning).
    /// "Alarm" (important) already needs a person, so it maps to critical with "Critical".
    /// </summary>
    public static AcceleratorHealth? Health(string value) => value.Trim().ToUpperInvariant() switch
    {
        "OK" or "NORMAL" => AcceleratorHealth.Ok,
        "WARNING" or "GENERAL WARNING" or "MINOR" => AcceleratorHealth.Warning,
        "ALARM" or "CRITICAL" or "MAJOR" or "EMERGENCY" or "IMPORTANT WARNING" or "URGENT WARNING" => AcceleratorHealth.Critical,
        _ => null,
    };
}
