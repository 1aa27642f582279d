using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// What this silo's <c>/metrics</c> makes of an instrument. A meter made by another silo's
/// <see cref="IMeterFactory"/> in the same process (the tests run several at once) is dropped: OpenTelemetry
/// picks meters by name alone. The silo's histograms get their boundaries from <see cref="MetricBuckets"/>.
/// Meters made without a factory (the runtime's) belong to the whole process and are kept, but for two of
/// Orleans' gauges (<see cref="WalkingGauges"/>).
/// </summary>
internal sealed class MetricViews(IMeterFactory meters)
{
    /// <summary>
    /// Orleans gauges that walk every activation, or every directory cache entry, on each collection. With a province's
    /// 600,000 teachers active a scrape took 0.65 s, and the load tester's scrape every 2 s cost the silo 17 % of its CPU.
    /// <c>orleans_grains</c> counts the same activations by grain type, kept up as grains come and go.
    /// </summary>
    public static readonly IReadOnlySet<string> WalkingGauges = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-catalog-activations", "orleans-directory-cache-size",
    };

    public MetricStreamConfiguration? Select(Instrument instrument)
    {
        if (instrument.Meter.Scope is IMeterFactory owner && !ReferenceEquals(owner, meters))
        {
            return MetricStreamConfiguration.Drop;
        }
        if (instrument.Meter.Name == "Microsoft.Orleans" && WalkingGauges.Contains(instrument.Name))
        {
            return MetricStreamConfiguration.Drop;
        }
        return MetricBuckets.For(instrument.Name) is { } boundaries ? new ExplicitBucketHistogramConfiguration { Boundaries = boundaries } : null;
    }
}
