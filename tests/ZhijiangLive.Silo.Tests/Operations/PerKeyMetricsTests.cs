using ZhijiangLive.LoadTests.Report;
using ZhijiangLive.Silo.Security;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>Each platform key's ingest counters apart, so that one publisher can check its own figures.</summary>
public sealed class PerKeyMetricsTests
{
    [Fact]
    public async Task Two_keys_are_counted_apart_and_the_load_testers_reader_finds_its_own()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var first = TestClients.Platform(silo.GrpcAddress);
        using var second = TestClients.Platform(silo.GrpcAddress, TestCredentials.SecondPlatformKey);

        await first.PublishAsync(Batch(Login("k1"), Login("k2", teacher: "T2"), Login("k3", teacher: "nobody")));
        await second.PublishAsync(Batch(Login("k1"), Teaching("k4", "s1")));
        using var response = await silo.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        var samples = await MetricsScrape.ScrapeAsync(silo.Http);

        var firstId = $"key_id=\"{ApiKeyRing.Id(TestCredentials.PlatformKey)}\"";
        var secondId = $"key_id=\"{ApiKeyRing.Id(TestCredentials.SecondPlatformKey)}\"";
        Assert.Equal(2, MetricsScrape.Sum(samples, "zhijiang_ingest_events_accepted_total", firstId, "key=\"key:test-platform\""));
        Assert.Equal(1, MetricsScrape.Sum(samples, "zhijiang_ingest_events_rejected_total", firstId, "reason=\"UNKNOWN_TEACHER\""));
        Assert.Equal((1, 1), (MetricsScrape.Sum(samples, "zhijiang_ingest_events_accepted_total", secondId),
            MetricsScrape.Sum(samples, "zhijiang_ingest_events_duplicates_total", secondId)));
        var mine = ServerCounters.Parse(text, ServerCounters.KeyId(TestCredentials.SecondPlatformKey));
        var all = ServerCounters.Parse(text);
        Assert.Equal((1L, 1L, 0L), (mine.Accepted, mine.Duplicates, mine.Rejected));
        Assert.Equal((3L, 1L, 1L), (all.Accepted, all.Duplicates, all.Rejected));
        Assert.Equal(ApiKeyRing.Id(TestCredentials.SecondPlatformKey), ServerCounters.KeyId(TestCredentials.SecondPlatformKey));
    }
}
