using HdrHistogram;

namespace ZhijiangLive.LoadTests.Measure;

/// <summary>
/// Latencies in an HdrHistogram of microseconds, 1 µs to 60 s at 3 significant digits (every value kept within
/// 0.1 % of itself). Recording is thread-safe; histograms add up (<see cref="Add"/>), so each interval has its own
/// and the run merges them. Ours is only the units: recorded as <see cref="TimeSpan"/>s, read in the milliseconds
/// the report speaks.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>The longest latency told apart: a call that took longer counts as this long, rather than being lost.</summary>
    public const long HighestMicroseconds = 60_000_000;

    private readonly LongConcurrentHistogram _values = new(1, HighestMicroseconds, 3);

    public long Count => _values.TotalCount;

    /// <summary>The largest value recorded (within the histogram's precision); 0 when empty.</summary>
    public long MaxMicroseconds => Count == 0 ? 0 : _values.GetMaxValue();

    public void Record(TimeSpan latency) => RecordMicroseconds((long)latency.TotalMicroseconds);

    public void RecordMicroseconds(long value) => _values.RecordValue(Math.Clamp(value, 0, HighestMicroseconds));

    /// <summary>Adds <paramref name="other"/>'s counts to this one.</summary>
    public void Add(LatencyHistogram other) => _values.Add(other._values);

    /// <summary>The value at quantile <paramref name="q"/> (0.99 for p99), in microseconds; 0 when empty.</summary>
    public double Percentile(double q) => Count == 0 ? 0 : _values.GetValueAtPercentile(q * 100);

    public double PercentileMilliseconds(double q) => Percentile(q) / 1000.0;

    /// <summary>Each value recorded (to the histogram's precision, so neighbours within 0.1 % count as one) and its count, in ascending order.</summary>
    public IEnumerable<(double Milliseconds, long Count)> Recorded() =>
        _values.RecordedValues().Select(v => (v.ValueIteratedTo / 1000.0, v.CountAtValueIteratedTo));

    /// <summary>"p50 1.20 ms, p99 3.40 ms, max 5.00 ms", or "no calls".</summary>
    public string Summary() => Count == 0 ? "no calls"
        : $"p50 {PercentileMilliseconds(0.5):0.00} ms, p99 {PercentileMilliseconds(0.99):0.00} ms, max {MaxMicroseconds / 1000.0:0.00} ms";
}
