using System.Diagnostics.Metrics;

namespace ZhijiangLive.Silo.Metrics;

/// <summary>
/// The bucket boundaries of the silo's histograms, given to each as advice so that every exporter (ours at
/// <c>/metrics</c>, or OpenTelemetry's) cuts them alike.
/// </summary>
public static class MetricBuckets
{
    /// <summary>From a millisecond to ten seconds: an acknowledgement, a journal commit.</summary>
    public static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Records per journal commit: one call's batch up to the groups of a busy silo.</summary>
    public static readonly InstrumentAdvice<int> Records = new()
    {
        HistogramBucketBoundaries = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000],
    };
}
