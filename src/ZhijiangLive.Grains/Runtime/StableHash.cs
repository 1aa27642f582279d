namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// Picks a grain's partition from its id, identically in every process (string.GetHashCode is
/// randomised per process, so it cannot be used).
/// </summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    internal static int PartitionOf(GrainId id, int partitions) => (int)(Of(id) % (uint)partitions);

    /// <summary>FNV-1a over the UTF-16 code units of kind and key, then murmur3's finaliser.</summary>
    internal static uint Of(GrainId id)
    {
        uint hash = Add(OffsetBasis, id.Kind);
        // A separator, so that ("ab", "c") and ("a", "bc") hash differently.
        hash = (hash ^ 0xFFFF) * Prime;
        hash = Add(hash, id.Key);
        // FNV's low bits are a plain XOR of the inputs' low bits; keys like "t0", "t2", "t4" would all
        // land in one of two partitions without this mixing step.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }

    private static uint Add(uint hash, string? text)
    {
        foreach (char c in text.AsSpan())
        {
            hash = (hash ^ c) * Prime;
        }
        return hash;
    }
}
