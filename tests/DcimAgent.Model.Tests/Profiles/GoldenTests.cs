using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// Every testcases/&lt;case&gt;/ folder: the recording, served from memory, goes through auto-detection and one
/// poll; the exposition must equal expected.prom byte for byte. Set DCIM_UPDATE_GOLDEN=1 to rewrite the
/// expected files after a deliberate change (then review the diff).
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases() => [.. GoldenCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recording_PolledThroughAutoDetectedProfile_MatchesExpectedExposition(string name)
    {
        var golden = GoldenCase.Load(name);
        var result = await golden.RunAsync();

        Assert.Equal(golden.ExpectedProfile, result.Profile.Name);
        Assert.True(result.Report.Problems == 0, $"{name}: {string.Join("; ", result.Report.Messages)}");
        var expectedPath = Path.Combine(golden.Folder, "expected.prom");
        if (Environment.GetEnvironmentVariable("DCIM_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(expectedPath, result.Exposition);
        }

        Assert.Equal(await File.ReadAllTextAsync(expectedPath), result.Exposition);
    }
}
