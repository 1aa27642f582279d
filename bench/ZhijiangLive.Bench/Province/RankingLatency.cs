using System.Diagnostics;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Ranking;

namespace ZhijiangLive.Bench.Province;

/// <summary>How the province benchmarks time ranking reads and weigh the heap.</summary>
internal static class RankingLatency
{
    /// <summary>The latencies of <paramref name="queries"/> reads of one ranking, one after another, sorted.</summary>
    public static async Task<double[]> SampleAsync(ZhijiangCluster cluster, RankingRequest request, int queries)
    {
        var samples = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await cluster.GetRankingAsync(request);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return samples;
    }

    /// <summary>"p50 …, p99 …, max …" of sorted latencies.</summary>
    public static string Percentiles(double[] sorted) =>
        $"p50 {sorted[sorted.Length / 2]:F3} ms, p99 {sorted[sorted.Length * 99 / 100]:F3} ms, max {sorted[^1]:F3} ms";

    /// <summary>The managed heap once garbage, finalizable objects included, is collected.</summary>
    public static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(false);
    }
}
