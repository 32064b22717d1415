namespace DcimAgent.Snmp.Tests.Support;

internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty).Replace("\n", string.Empty));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static IEnumerable<(string Name, byte[] Bytes)> Recorded() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.hex")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), Parse(File.ReadAllText(f).Trim())));
}
