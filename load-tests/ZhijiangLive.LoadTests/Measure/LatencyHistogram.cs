using System.Numerics;

namespace ZhijiangLive.LoadTests.Measure;

/// <summary>
/// An HDR-style histogram of latencies in microseconds: exact below 64 µs, then 32 linear sub-buckets per power of
/// two, so every value is kept within 1/32 (about 3 %) of itself, from 1 µs to days, in 1,216 counters (10 KB).
/// Recording is lock-free; histograms add up (<see cref="Add"/>), so each interval has its own and the run merges them.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Exact = 64;
    private const int SubBuckets = 32;
    private const int MaxExponent = 36;
    private readonly long[] _counts = new long[Exact + MaxExponent * SubBuckets];
    private long _count;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The largest value recorded, exactly.</summary>
    public long MaxMicroseconds => Interlocked.Read(ref _max);

    public void Record(TimeSpan latency) => RecordMicroseconds((long)latency.TotalMicroseconds);

    public void RecordMicroseconds(long value)
    {
        value = Math.Max(0, value);
        Interlocked.Increment(ref _counts[Index(value)]);
        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _max);
        while (value > max && Interlocked.CompareExchange(ref _max, value, max) is var seen && seen != max)
        {
            max = seen;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            var n = Interlocked.Read(ref other._counts[i]);
            if (n != 0) Interlocked.Add(ref _counts[i], n);
        }
        Interlocked.Add(ref _count, other.Count);
        var otherMax = other.MaxMicroseconds;
        if (otherMax > _max) _max = otherMax;
    }

    /// <summary>The value at quantile <paramref name="q"/> (0.99 for p99), in microseconds: the middle of its bucket; 0 when empty.</summary>
    public double Percentile(double q)
    {
        var count = Count;
        if (count == 0) return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(q * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                var (low, high) = Bounds(i);
                return Math.Min((low + high) / 2.0, MaxMicroseconds);
            }
        }
        return MaxMicroseconds;
    }

    public double PercentileMilliseconds(double q) => Percentile(q) / 1000.0;

    /// <summary>"p50 1.20 ms, p99 3.40 ms, max 5.00 ms", or "no calls".</summary>
    public string Summary() => Count == 0 ? "no calls"
        : $"p50 {PercentileMilliseconds(0.5):0.00} ms, p99 {PercentileMilliseconds(0.99):0.00} ms, max {MaxMicroseconds / 1000.0:0.00} ms";

    internal static int Index(long value)
    {
        if (value < Exact) return (int)value;
        var exponent = Math.Min(BitOperations.Log2((ulong)value) - 5, MaxExponent);
        var mantissa = Math.Min(value >> exponent, 2 * SubBuckets - 1);
        return Exact + (exponent - 1) * SubBuckets + (int)(mantissa - SubBuckets);
    }

    /// <summary>The lowest and highest value that land in bucket <paramref name="index"/>.</summary>
    internal static (long Low, long High) Bounds(int index)
    {
        if (index < Exact) return (index, index);
        var exponent = (index - Exact) / SubBuckets + 1;
        long mantissa = (index - Exact) % SubBuckets + SubBuckets;
        return (mantissa << exponent, ((mantissa + 1) << exponent) - 1);
    }
}
