namespace ZhijiangLive.Silo.Operations;

/// <summary>How an instrument's measurements add up, and so how Prometheus is told to read them.</summary>
public enum MetricKind
{
    /// <summary>Only goes up: written with <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Measurements in buckets, with their sum and count.</summary>
    Histogram,
}

/// <summary>One instrument at one moment: its name and unit as <see cref="System.Diagnostics.Metrics"/> has them, and a point per tag set.</summary>
public sealed record MetricFamily(string Name, string? Unit, string? Description, MetricKind Kind, IReadOnlyList<MetricPoint> Points);

/// <summary>
/// One tag set's value: the sum or last value of a counter or gauge; for a histogram its buckets (the count
/// of measurements at or below each upper bound, not cumulative; the last bound is +∞), sum and count.
/// </summary>
public sealed record MetricPoint(
    IReadOnlyList<KeyValuePair<string, string>> Labels, double Value,
    IReadOnlyList<double>? Bounds = null, IReadOnlyList<long>? BucketCounts = null, double Sum = 0, long Count = 0);
