using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Listens to this silo's <c>ZhijiangLive.*</c> meters (those its <see cref="IMeterFactory"/> made, so two
/// silos in one process keep apart) and keeps each instrument's running figures per tag set, for
/// <c>/metrics</c> to read: sums for counters, last values for gauges and observed counters, buckets for histograms.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    public const string MeterPrefix = "ZhijiangLive.";

    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentFigures> _instruments = new();

    public MetricsCollector(IMeterFactory meters)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal) && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    var figures = _instruments.GetOrAdd(instrument, static i => new InstrumentFigures(i));
                    listener.EnableMeasurementEvents(instrument, figures);
                }
            },
            MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentFigures? _),
        };
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Record(state, (double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments, then every instrument's figures as they stand.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        _listener.RecordObservableInstruments();
        return _instruments.Values.Select(figures => figures.ToFamily()).ToList();
    }

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        ((InstrumentFigures)state!).Record(value, tags);

    public void Dispose() => _listener.Dispose();
}
