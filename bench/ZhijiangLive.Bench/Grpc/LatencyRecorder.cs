using System.Diagnostics;

namespace ZhijiangLive.Bench.Grpc;

/// <summary>Call latencies of one phase, kept per thread of work and merged for percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<List<double>> _all = [];

    public List<double> NewSeries()
    {
        var series = new List<double>(100_000);
        lock (_all) _all.Add(series);
        return series;
    }

    public static double Since(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    public string Summary()
    {
        var all = _all.SelectMany(s => s).Order().ToArray();
        if (all.Length == 0) return "no calls";
        double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return $"p50 {P(0.50):0.00} ms, p99 {P(0.99):0.00} ms, max {all[^1]:0.00} ms";
    }
}
