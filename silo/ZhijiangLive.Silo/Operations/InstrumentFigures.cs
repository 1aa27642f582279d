using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace ZhijiangLive.Silo.Operations;

/// <summary>One instrument's running figures, a <see cref="Series"/> per tag set.</summary>
internal sealed class InstrumentFigures
{
    /// <summary>For a histogram that gives no advice: OpenTelemetry's default boundaries.</summary>
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Instrument _instrument;
    private readonly MetricKind _kind;
    private readonly bool _keepsLast;
    private readonly double[] _bounds;
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public InstrumentFigures(Instrument instrument)
    {
        _instrument = instrument;
        var type = instrument.GetType();
        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        _kind = generic == typeof(Histogram<>) ? MetricKind.Histogram
            : generic == typeof(Counter<>) || generic == typeof(ObservableCounter<>) ? MetricKind.Counter
            : MetricKind.Gauge;
        // Observed values are already totals (or levels); only pushed counters and up-down counters add up.
        _keepsLast = instrument.IsObservable || (generic != typeof(Counter<>) && generic != typeof(UpDownCounter<>));
        _bounds = _kind == MetricKind.Histogram ? BoundsOf(instrument) : [];
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = tags.IsEmpty ? _series.GetOrAdd("", _ => new Series([], _bounds.Length + 1)) : SeriesOf(Labels(tags));
        lock (series)
        {
            if (_kind == MetricKind.Histogram)
            {
                var bucket = Array.FindIndex(_bounds, bound => value <= bound);
                series.Buckets[bucket < 0 ? _bounds.Length : bucket]++;
                series.Sum += value;
                series.Count++;
            }
            else
            {
                series.Value = _keepsLast ? value : series.Value + value;
            }
        }
    }

    private Series SeriesOf(KeyValuePair<string, string>[] labels)
    {
        var key = string.Join('\u0001', labels.Select(l => $"{l.Key}\u0002{l.Value}"));
        return _series.GetOrAdd(key, _ => new Series(labels, _bounds.Length + 1));
    }

    public MetricFamily ToFamily()
    {
        var points = _series.Values.Select(series =>
        {
            lock (series)
            {
                return _kind == MetricKind.Histogram
                    ? new MetricPoint(series.Labels, 0, _bounds, (long[])series.Buckets.Clone(), series.Sum, series.Count)
                    : new MetricPoint(series.Labels, series.Value);
            }
        }).ToList();
        return new MetricFamily(_instrument.Name, _instrument.Unit, _instrument.Description, _kind, points);
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? "");
        }
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static double[] BoundsOf(Instrument instrument) => instrument switch
    {
        Instrument<double> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds],
        Instrument<float> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        Instrument<long> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        Instrument<int> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(b => (double)b)],
        _ => DefaultBounds,
    };

    private sealed class Series(KeyValuePair<string, string>[] labels, int buckets)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;
        public long[] Buckets { get; } = new long[buckets];
        public double Value { get; set; }
        public double Sum { get; set; }
        public long Count { get; set; }
    }
}
