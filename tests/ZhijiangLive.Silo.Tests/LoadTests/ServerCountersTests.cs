using ZhijiangLive.LoadTests.Report;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class ServerCountersTests
{
    private const string Before = """
        # HELP zhijiang_ingest_events_accepted_total events accepted and journaled
        # TYPE zhijiang_ingest_events_accepted_total counter
        zhijiang_ingest_events_accepted_total 1200
        zhijiang_ingest_events_duplicates_total{otel_scope_name="ZhijiangLive.Ingest"} 7
        zhijiang_ingest_events_rejected_total{reason="UNKNOWN_TEACHER"} 3
        zhijiang_ingest_events_rejected_total{otel_scope_name="ZhijiangLive.Ingest",reason="OUT_OF_WINDOW"} 2
        zhijiang_journal_commit_records_bucket{le="+Inf"} 40
        """;

    [Fact]
    public void The_prometheus_text_gives_the_ingest_counters_and_rejections_by_reason()
    {
        var counters = ServerCounters.Parse(Before);
        Assert.Equal((1200L, 7L, 5L), (counters.Accepted, counters.Duplicates, counters.Rejected));
        Assert.Equal(3, counters.RejectedByReason["UNKNOWN_TEACHER"]);
        Assert.Equal(2, counters.RejectedByReason["OUT_OF_WINDOW"]);
    }

    [Fact]
    public void The_delta_of_two_readings_is_what_a_run_added()
    {
        var after = ServerCounters.Parse(Before.Replace(" 1200", " 5200").Replace("\"OUT_OF_WINDOW\"} 2", "\"OUT_OF_WINDOW\"} 12"));
        var delta = after.Since(ServerCounters.Parse(Before));
        Assert.Equal((4000L, 0L, 10L), (delta.Accepted, delta.Duplicates, delta.Rejected));
        Assert.Equal(10, delta.RejectedByReason["OUT_OF_WINDOW"]);
    }

    [Fact]
    public void OpenMetrics_WithCreatedSeriesTimestampsAndExemplars_GivesTheSameCounters()
    {
        const string openMetrics = """
            # TYPE zhijiang_ingest_events_accepted counter
            # HELP zhijiang_ingest_events_accepted events accepted and journaled
            zhijiang_ingest_events_accepted_total{} 1200 1796278482.231
            zhijiang_ingest_events_accepted_created{} 1796278482.231682
            zhijiang_ingest_events_duplicates_total{} 7 # {trace_id="4bf92f3577b34da6"} 1 1796278482.5
            zhijiang_ingest_events_rejected_total{reason="UNKNOWN_TEACHER"} 3
            zhijiang_ingest_events_rejected_created{reason="UNKNOWN_TEACHER"} 1796278482.2
            # EOF
            """;

        var counters = ServerCounters.Parse(openMetrics);

        Assert.Equal((1200L, 7L, 3L), (counters.Accepted, counters.Duplicates, counters.Rejected));
        Assert.Equal(["UNKNOWN_TEACHER"], counters.RejectedByReason.Keys);
    }

    [Fact]
    public async Task A_running_silos_metrics_give_what_it_accepted_refused_and_repeated()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var client = silo.PlatformClient();
        await client.PublishAsync(Batch(Login("c1"), Login("c2", teacher: "nobody")));
        await client.PublishAsync(Batch(Login("c1")));

        var (counters, problem) = await ServerCounters.ReadAsync(silo.Http.BaseAddress!, null, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal((1L, 1L, 1L), (counters!.Accepted, counters.Duplicates, counters.Rejected));
        Assert.Equal(1, counters.RejectedByReason["UNKNOWN_TEACHER"]);
    }
}
