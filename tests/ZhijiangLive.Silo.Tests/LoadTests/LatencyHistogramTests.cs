using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_three_percent_of_the_exact_ones_from_microseconds_to_seconds()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => (long)Math.Exp(random.NextDouble() * Math.Log(5_000_000))).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.RecordMicroseconds(v);
        Array.Sort(values);

        foreach (var q in new[] { 0.5, 0.9, 0.99, 0.999 })
        {
            var exact = values[(int)Math.Ceiling(q * values.Length) - 1];
            Assert.InRange(histogram.Percentile(q), exact * 0.969, exact * 1.031 + 1);
        }
        Assert.Equal(values[^1], histogram.MaxMicroseconds);
        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void Small_values_are_exact()
    {
        var histogram = new LatencyHistogram();
        for (var v = 1; v <= 50; v++) histogram.RecordMicroseconds(v);
        Assert.Equal(25, histogram.Percentile(0.5));
        Assert.Equal(50, histogram.Percentile(1));
    }

    [Fact]
    public void Merged_histograms_answer_as_one_that_saw_every_value()
    {
        var (a, b, all) = (new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram());
        for (var v = 0; v < 10_000; v++)
        {
            var value = v * 37L % 200_000;
            (v % 3 == 0 ? a : b).RecordMicroseconds(value);
            all.RecordMicroseconds(value);
        }
        a.Add(b);
        Assert.Equal(all.Count, a.Count);
        Assert.Equal(all.MaxMicroseconds, a.MaxMicroseconds);
        foreach (var q in new[] { 0.1, 0.5, 0.99 }) Assert.Equal(all.Percentile(q), a.Percentile(q));
    }

    [Fact]
    public void Every_value_lands_in_a_bucket_whose_bounds_hold_it()
    {
        for (long v = 0; v < 5_000_000; v = v * 5 / 4 + 1)
        {
            var (low, high) = LatencyHistogram.Bounds(LatencyHistogram.Index(v));
            Assert.InRange(v, low, high);
            Assert.True(high - low <= Math.Max(0, low / 32), $"bucket {low}-{high} is wider than 1/32 of its values");
        }
    }

    [Fact]
    public void An_empty_histogram_answers_zero() => Assert.Equal(0, new LatencyHistogram().Percentile(0.99));
}
