using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>How the exporter adds up each kind of instrument, and that it reads only its own silo's ZhijiangLive meters.</summary>
public sealed class MetricsCollectorTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _otherSilo = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose()
    {
        _services.Dispose();
        _otherSilo.Dispose();
    }

    [Fact]
    public void Counters_AddUpPerTagSet_GaugesKeepTheirLastValue_UpDownCountersGoBothWays()
    {
        using var collector = new MetricsCollector(Meters);
        var meter = Meters.Create("ZhijiangLive.Test");
        var counter = meter.CreateCounter<long>("zhijiang.test.count");
        var level = 0;
        meter.CreateObservableGauge("zhijiang.test.level", () => level);
        var open = meter.CreateUpDownCounter<int>("zhijiang.test.open");

        counter.Add(2, new KeyValuePair<string, object?>("reason", "A"));
        counter.Add(3, new KeyValuePair<string, object?>("reason", "A"));
        counter.Add(1, new KeyValuePair<string, object?>("reason", "B"));
        open.Add(1);
        open.Add(1);
        open.Add(-1);
        level = 7;

        var families = collector.Collect().ToDictionary(f => f.Name);
        var counts = families["zhijiang.test.count"];
        Assert.Equal(MetricKind.Counter, counts.Kind);
        Assert.Equal(5, counts.Points.Single(p => p.Labels.Single().Value == "A").Value);
        Assert.Equal(1, counts.Points.Single(p => p.Labels.Single().Value == "B").Value);
        Assert.Equal((MetricKind.Gauge, 7.0), (families["zhijiang.test.level"].Kind, families["zhijiang.test.level"].Points.Single().Value));
        Assert.Equal((MetricKind.Gauge, 1.0), (families["zhijiang.test.open"].Kind, families["zhijiang.test.open"].Points.Single().Value));
    }

    [Fact]
    public void Histogram_CountsIntoTheAdvisedBuckets()
    {
        using var collector = new MetricsCollector(Meters);
        var histogram = Meters.Create("ZhijiangLive.Test").CreateHistogram("zhijiang.test.duration", "s", null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });

        histogram.Record(0.05);
        histogram.Record(0.1);
        histogram.Record(0.5);
        histogram.Record(30);

        var point = collector.Collect().Single(f => f.Name == "zhijiang.test.duration").Points.Single();
        Assert.Equal([0.1, 1], point.Bounds!);
        Assert.Equal([2L, 1, 1], point.BucketCounts!);
        Assert.Equal((30.65, 4L), (Math.Round(point.Sum, 6), point.Count));
    }

    [Fact]
    public void OnlyThisSilosZhijiangMeters_AreCollected()
    {
        using var collector = new MetricsCollector(Meters);
        Meters.Create("Other.Library").CreateCounter<long>("other.count").Add(1);
        _otherSilo.GetRequiredService<IMeterFactory>().Create("ZhijiangLive.Test").CreateCounter<long>("zhijiang.other.silo").Add(1);
        using var unscoped = new Meter("ZhijiangLive.Test");
        unscoped.CreateCounter<long>("zhijiang.unscoped").Add(1);
        Meters.Create("ZhijiangLive.Test").CreateCounter<long>("zhijiang.mine").Add(1);

        Assert.Equal(["zhijiang.mine"], collector.Collect().Select(f => f.Name));
    }
}
