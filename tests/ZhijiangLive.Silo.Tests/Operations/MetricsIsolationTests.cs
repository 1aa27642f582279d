using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>Two silos in one process (as the tests run them) each export only their own meters' figures.</summary>
public sealed class MetricsIsolationTests
{
    [Fact]
    public async Task TwoSilosInOneProcess_EachCountOnlyTheirOwnEvents()
    {
        await using var first = await RunningSilo.StartAsync();
        await using var second = await RunningSilo.StartAsync();
        await SeedRosterAsync(first.Cluster);
        using var client = TestClients.Platform(first.GrpcAddress);

        await client.PublishAsync(Batch(Login("i1"), Login("i2", teacher: "T2")));

        Assert.Equal(2, MetricsScrape.Sum(await MetricsScrape.ScrapeAsync(first.Http), "zhijiang_ingest_events_accepted_total"));
        var others = await MetricsScrape.ScrapeAsync(second.Http);
        Assert.Equal(0, MetricsScrape.Sum(others, "zhijiang_ingest_events_accepted_total"));
        Assert.False(others.ContainsKey("zhijiang_ingest_ack_duration_seconds_count"), "the second silo acknowledged nothing");
    }
}
