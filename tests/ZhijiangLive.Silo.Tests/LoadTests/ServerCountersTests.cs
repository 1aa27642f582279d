using ZhijiangLive.LoadTests.Report;

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
    public async Task A_silo_without_metrics_is_said_so_rather_than_failing()
    {
        await using var silo = await RunningSilo.StartAsync();
        var (counters, problem) = await ServerCounters.ReadAsync(silo.Http.BaseAddress!, null, CancellationToken.None);
        if (counters is null) Assert.Equal("the silo has no /metrics endpoint (404)", problem);
        else Assert.Null(problem); // once the silo serves /metrics, a reading
    }
}
