namespace ZhijiangLive.Silo.Metrics;

/// <summary>
/// The bucket boundaries of the silo's histograms, in each instrument's own unit. <c>/metrics</c> gives them
/// through a view (<see cref="Operations.MetricViews"/>): OpenTelemetry's default boundaries (0 … 10,000)
/// suit milliseconds, and would put every acknowledgement in seconds into the first bucket or two.
/// </summary>
public static class MetricBuckets
{
    /// <summary>From a millisecond to ten seconds: an acknowledgement, a journal commit.</summary>
    private static readonly double[] Seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Records per journal commit: one call's batch up to the groups of a busy silo.</summary>
    private static readonly double[] Records = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000];

    /// <summary>The boundaries of the silo's histogram named <paramref name="instrument"/> (a copy), or null for any other instrument.</summary>
    public static double[]? For(string instrument) => instrument switch
    {
        IngestMetrics.AckDuration or IngestMetrics.CommitDuration => [.. Seconds],
        IngestMetrics.CommitRecords => [.. Records],
        _ => null,
    };
}
