using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Report;
using ZhijiangLive.LoadTests.Run;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zl-report-").FullName;

    [Fact]
    public void Push_latency_is_reported_as_percentiles_from_p10_to_p99_with_a_note_on_the_push_period()
    {
        var report = ReportWriter.Markdown(Run(Probe(TwoClusters())));

        Assert.Contains("## Event to dashboard push", report);
        Assert.Contains("| ms | p10 | p25 | p50 | p75 | p90 | p95 | p99 | max |", report);
        Assert.Contains("| event to push | 40 | 40 | 40 | 540 | 540 | 540 | 540 | 540 |", report);
        Assert.Contains("**Read the spread, not the median.** The silo pushes a followed region's changes at most once a second", report);
        Assert.Contains("their latencies gather in about 2 clusters some 500 ms apart", report);
        Assert.Contains("![push latency](push.png)", report);
        // The one misleading median of before is gone from the latency table.
        Assert.DoesNotContain("| event to dashboard push (ms) |", report);
    }

    [Fact]
    public void A_probe_that_timed_no_mark_says_so_instead_of_a_table_of_zeros()
    {
        var report = ReportWriter.Markdown(Run(Probe(new LatencyHistogram())));

        Assert.Contains("No mark was timed, so there is no distribution to show.", report);
        Assert.DoesNotContain("| event to push |", report);
        Assert.DoesNotContain("push.png", report);
    }

    [Fact]
    public async Task The_push_chart_is_written_beside_the_report_when_marks_were_timed()
    {
        await ReportWriter.WriteAsync(Run(Probe(TwoClusters())), _folder);
        Assert.True(File.Exists(Path.Combine(_folder, "push.png")));

        var without = Path.Combine(_folder, "no-probe");
        await ReportWriter.WriteAsync(Run(null), without);
        Assert.False(File.Exists(Path.Combine(without, "push.png")));
        Assert.Contains("Push probe: off", await File.ReadAllTextAsync(Path.Combine(without, "report.md")));
    }

    /// <summary>Half the marks 40 ms after sending, half 540 ms: marks twice a second against pushes once a second.</summary>
    private static LatencyHistogram TwoClusters()
    {
        var latencies = new LatencyHistogram();
        for (var i = 0; i < 100; i++) latencies.Record(TimeSpan.FromMilliseconds(i < 50 ? 40 : 540));
        return latencies;
    }

    private static ProbeSummary Probe(LatencyHistogram latencies) => new("330102", 100, 120, 0, latencies, null);

    private static RunResult Run(ProbeSummary? probe)
    {
        var counters = new RunCounters();
        var timeline = new Timeline(counters, () => null, new PlainProgress(TextWriter.Null, quiet: true));
        counters.Acknowledged(100, 0, TimeSpan.FromMilliseconds(2));
        timeline.Tick(1, 100, 7);
        return new RunResult(new LoadOptions(), 1, 10, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.1), counters, timeline, probe, null, null, null);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
