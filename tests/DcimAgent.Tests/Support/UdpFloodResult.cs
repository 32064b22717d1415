namespace DcimAgent.Tests.Support;

/// <summary>
/// What <see cref="UdpFlooder"/> sent: the total, the window it took (never shorter than the flood asked for),
/// the slowest whole second and the count of every second.
/// </summary>
public sealed record UdpFloodResult(long Sent, TimeSpan Elapsed, long SlowestSecond, long[] PerSecond)
{
    public double Rate => Sent / Elapsed.TotalSeconds;
}
