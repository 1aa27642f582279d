using ScottPlot.Plottables;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Report;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class SnapshotMarkerTests
{
    [Fact]
    public void The_seconds_in_which_the_silos_rounds_went_up_are_marked_counting_from_the_first_reading()
    {
        long?[] readings = [null, 3, 3, 4, 4, 6];
        var tick = 0;
        var timeline = new Timeline(new RunCounters(), () => null, new PlainProgress(TextWriter.Null, quiet: true), () => readings[tick]);

        for (; tick < readings.Length; tick++) timeline.Tick(tick + 1, 100, 7);

        Assert.Equal([(4.0, 1L), (6.0, 2L)], timeline.Snapshots.Select(s => (s.Second, s.Rounds)));
        Assert.Equal(["snapshot round", "2 snapshot rounds"], timeline.Snapshots.Select(s => s.Label));
    }

    [Fact]
    public void Both_charts_draw_a_labelled_line_for_a_snapshot_round_beside_the_error_marker()
    {
        var counters = new RunCounters();
        long rounds = 0;
        var timeline = new Timeline(counters, () => null, new PlainProgress(TextWriter.Null, quiet: true), () => rounds);
        for (var second = 1; second <= 20; second++)
        {
            counters.Acknowledged(100, 0, TimeSpan.FromMilliseconds(2));
            if (second == 12) rounds++;
            if (second == 15) counters.Error("Unavailable");
            timeline.Tick(second, 1_000, 7);
        }

        foreach (var plot in new[] { Charts.Throughput(timeline), Charts.Latency(timeline) })
        {
            Assert.Equal([(14.0, "1 error: Unavailable"), (12.0, "snapshot round")],
                plot.GetPlottables<VerticalLine>().Select(l => (l.X, l.Text)));
        }
    }

    [Fact]
    public void The_silos_snapshot_rounds_are_read_from_its_metrics()
    {
        var counters = ServerCounters.Parse("""
            # TYPE zhijiang_snapshot_rounds_total counter
            zhijiang_snapshot_rounds_total{} 5
            zhijiang_ingest_events_accepted_total{} 10
            """);

        Assert.Equal((5L, 10L), (counters.SnapshotRounds, counters.Accepted));
    }
}
