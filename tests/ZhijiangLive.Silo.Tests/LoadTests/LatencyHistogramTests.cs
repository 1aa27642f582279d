using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_a_thousandth_of_a_sorted_list_from_microseconds_to_seconds()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => (long)Math.Exp(random.NextDouble() * Math.Log(5_000_000))).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.RecordMicroseconds(v);
        Array.Sort(values);

        foreach (var q in new[] { 0.5, 0.9, 0.99, 0.999 })
        {
            var exact = values[(int)Math.Ceiling(q * values.Length) - 1];
            Assert.InRange(histogram.Percentile(q), exact * 0.999, exact * 1.001 + 1);
        }
        Assert.InRange(histogram.MaxMicroseconds, values[^1], values[^1] * 1.001);
        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void A_latency_reads_back_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(2.5));
        Assert.InRange(histogram.PercentileMilliseconds(0.5), 2.5, 2.5 * 1.001);
        Assert.Equal("p50 2.50 ms, p99 2.50 ms, max 2.50 ms", histogram.Summary());
    }

    [Fact]
    public void A_latency_past_the_range_counts_as_its_top_rather_than_being_lost()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMinutes(5));
        Assert.Equal(1, histogram.Count);
        Assert.InRange(histogram.MaxMicroseconds, LatencyHistogram.HighestMicroseconds, LatencyHistogram.HighestMicroseconds * 1.001);
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
    public void An_empty_histogram_answers_zero()
    {
        var empty = new LatencyHistogram();
        Assert.Equal(0, empty.Percentile(0.99));
        Assert.Equal(0, empty.MaxMicroseconds);
        Assert.Equal("no calls", empty.Summary());
    }
}
