using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Tests.Support;

/// <summary>
/// One auto-detected poll of a hand-written snmprec through the shipped profiles (<see cref="HandWrittenRecording"/>),
/// with lookups by family name and label values for the MIB-derived profile tests.
/// </summary>
public static class SnmprecPoll
{
    public sealed record Result(string Profile, IReadOnlyList<Sample> Samples, int Problems)
    {
        /// <summary>The single sample of a family whose labels include every given pair.</summary>
        public double Value(string family, params (string Name, string Value)[] labels) =>
            Samples.Single(s => s.Family.Name == family && labels.All(l => s.Labels[l.Name] == l.Value)).Value;

        public int Count(string family) => Samples.Count(s => s.Family.Name == family);
    }

    public static async Task<Result> RunAsync(string snmprec, string device)
    {
        var r = await HandWrittenRecording.RunAsync(snmprec, device);
        return new Result(r.Profile.Name, r.Samples, r.Report.Problems);
    }
}
