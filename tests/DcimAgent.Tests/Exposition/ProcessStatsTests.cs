using DcimAgent.Exposition;

namespace DcimAgent.Tests.Exposition;

public class ProcessStatsTests
{
    [Fact]
    public void TryParseStat_CommandNameWithSpacesAndParentheses_ReadsTheRightFields()
    {
        // proc(5): pid (comm) state ppid ... utime=14 stime=15 ... num_threads=20 ... vsize=23 rss=24
        const string line = "4242 (dcim agent (x)) S 1 4242 4242 0 -1 4194560 9000 0 12 0 250 75 0 0 20 0 17 0 123456 54358945792 23780 18446744073709551615";
        Assert.True(ProcessStats.TryParseStat(line, out var cpu, out var threads, out var vsize, out var rss));
        Assert.Equal(325, cpu);
        Assert.Equal(17, threads);
        Assert.Equal(54_358_945_792, vsize);
        Assert.Equal(23_780, rss);
    }

    [Fact]
    public void TryParseStat_Truncated_IsFalse()
    {
        Assert.False(ProcessStats.TryParseStat("4242 (dcim-agent) S 1 4242", out _, out _, out _, out _));
        Assert.False(ProcessStats.TryParseStat("garbage", out _, out _, out _, out _));
    }
}
