using ZhijiangLive.Client;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary><c>/metrics</c> lists every ZhijiangLive metric, and the figures follow what was published.</summary>
public sealed class MetricsEndpointTests
{
    /// <summary>There before anything happened: the gauges, and the counters without labels at 0.</summary>
    public static readonly string[] FromTheStart =
    [
        "zhijiang_ingest_events_accepted_total",
        "zhijiang_ingest_events_duplicates_total",
        "zhijiang_journal_commit_failures_total",
        "zhijiang_grains_active",
        "zhijiang_live_connections",
        "zhijiang_silo_ready",
    ];

    [Fact]
    public async Task Metrics_AfterPublishing_CountExactlyWhatWasAcceptedRefusedAndRepeated()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var client = TestClients.Platform(silo.GrpcAddress);
        var before = await MetricsScrape.ScrapeAsync(silo.Http);
        Assert.All(FromTheStart, name => Assert.True(before.ContainsKey(name), $"/metrics lacks {name}"));
        Assert.Equal([0.0, 0, 0, 0], [before["zhijiang_ingest_events_accepted_total"], before["zhijiang_ingest_events_duplicates_total"],
            before["zhijiang_journal_commit_failures_total"], before["zhijiang_live_connections"]]);

        await client.PublishAsync(Batch(Login("m1"), Login("m2", teacher: "T2"), Login("m3", teacher: "nobody"), Login("m4", teacher: "TL")));
        await client.PublishAsync(Batch(Login("m1"), Login("m5", teacher: "nobody"), Teaching("m6", "s1")));
        await using (var stream = client.OpenPublishStream())
        {
            await stream.WriteAsync(Batch(Teaching("m7", "s2"), Login("m2", teacher: "T2")));
            Assert.Equal(1, (await stream.ReadAsync())!.Accepted);
            await stream.CompleteAsync();
        }
        var after = await MetricsScrape.ScrapeAsync(silo.Http);

        Assert.Equal(4, MetricsScrape.Sum(after, "zhijiang_ingest_events_accepted_total"));
        Assert.Equal(2, MetricsScrape.Sum(after, "zhijiang_ingest_events_duplicates_total"));
        Assert.Equal(2, MetricsScrape.Sum(after, "zhijiang_ingest_events_rejected_total", "reason=\"UNKNOWN_TEACHER\""));
        Assert.Equal(1, MetricsScrape.Sum(after, "zhijiang_ingest_events_rejected_total", "reason=\"TEACHER_LOCKED\""));
        Assert.Equal(3, after["zhijiang_ingest_ack_duration_seconds_count"]);
        Assert.Equal(3, after["zhijiang_ingest_ack_duration_seconds_bucket{le=\"+Inf\"}"]);
        Assert.Equal(4, after["zhijiang_journal_commit_records_sum"]);
        Assert.Equal(after["zhijiang_journal_commit_records_count"], after["zhijiang_journal_commit_duration_seconds_count"]);
        Assert.Equal(0, after["zhijiang_journal_commit_failures_total"]);
        Assert.True(after["zhijiang_grains_active"] >= 3, $"{after["zhijiang_grains_active"]} grains active");
        Assert.Equal(1, after["zhijiang_silo_ready"]);
    }

    [Fact]
    public async Task Histograms_HaveTheSilosOwnBuckets_SecondsFromAMillisecondToTenSeconds()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var client = TestClients.Platform(silo.GrpcAddress);
        await client.PublishAsync(Batch(Login("b1")));

        var samples = await MetricsScrape.ScrapeAsync(silo.Http);

        double[] seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, double.PositiveInfinity];
        Assert.Equal(seconds, MetricsScrape.BucketBounds(samples, "zhijiang_ingest_ack_duration_seconds"));
        Assert.Equal(seconds, MetricsScrape.BucketBounds(samples, "zhijiang_journal_commit_duration_seconds"));
        Assert.Equal([1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, double.PositiveInfinity],
            MetricsScrape.BucketBounds(samples, "zhijiang_journal_commit_records"));
        // One batch of one event: a record in the bucket up to 1, and its acknowledgement within ten seconds.
        Assert.Equal(1, samples["zhijiang_journal_commit_records_bucket{le=\"1\"}"]);
        Assert.Equal(1, samples["zhijiang_ingest_ack_duration_seconds_bucket{le=\"10\"}"]);
    }
}
