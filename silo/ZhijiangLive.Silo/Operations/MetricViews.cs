using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// What this silo's <c>/metrics</c> makes of an instrument. A meter made by another silo's
/// <see cref="IMeterFactory"/> in the same process (the tests run several at once) is dropped: OpenTelemetry
/// picks meters by name alone. The silo's histograms get their boundaries from <see cref="MetricBuckets"/>.
/// Meters made without a factory (the runtime's) belong to the whole process and are kept.
/// </summary>
internal sealed class MetricViews(IMeterFactory meters)
{
    public MetricStreamConfiguration? Select(Instrument instrument)
    {
        if (instrument.Meter.Scope is IMeterFactory owner && !ReferenceEquals(owner, meters))
        {
            return MetricStreamConfiguration.Drop;
        }
        return MetricBuckets.For(instrument.Name) is { } boundaries ? new ExplicitBucketHistogramConfiguration { Boundaries = boundaries } : null;
    }
}
