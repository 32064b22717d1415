using System.Text;

namespace DcimAgent.Model.Sharding;

/// <summary>
/// Deterministic device → shard assignment by rendezvous (highest random weight) hashing: every agent given the
/// same config and shard count computes the same owner for each device with no coordination; adding or removing a
/// shard moves only the devices that must move (about 1/N of them). The hash is our own fixed function (FNV-1a then
/// a SplitMix64 finalizer), so owners never change with the .NET version or process (string.GetHashCode is randomized).
/// </summary>
public static class RendezvousSharding
{
    /// <summary>The shard (0..count-1) that owns <paramref name="device"/>.</summary>
    public static int Owner(string device, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var best = 0;
        var bestScore = 0UL;
        var deviceHash = Fnv1a(device);
        for (var shard = 0; shard < count; shard++)
        {
            var score = Mix(deviceHash ^ Mix((ulong)shard + 0x9E3779B97F4A7C15UL));
            if (shard == 0 || score > bestScore)
            {
                best = shard;
                bestScore = score;
            }
        }

        return best;
    }

    public static bool Owns(string device, int index, int count) => Owner(device, count) == index;

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
