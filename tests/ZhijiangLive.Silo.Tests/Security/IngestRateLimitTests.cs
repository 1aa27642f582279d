using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// The per-key ingest limit, set so low here (one event a second, bursts of 100) that a second batch can
/// never have refilled in the test's time: the key over it is RESOURCE_EXHAUSTED, nothing of the refused
/// batch is taken, and the other key publishes meanwhile.
/// </summary>
public sealed class IngestRateLimitTests : IAsyncLifetime
{
    private RunningSilo _silo = null!;
    private ZhijiangClient _greedy = null!;
    private ZhijiangClient _honest = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync("--Zhijiang:Limits:IngestEventsPerSecondPerKey=1", "--Zhijiang:Limits:IngestBurstEventsPerKey=100");
        await SeedRosterAsync(_silo.Cluster);
        _greedy = _silo.PlatformClient();
        _honest = _silo.PlatformClient(TestCredentials.SecondPlatformKey);
    }

    public async Task DisposeAsync()
    {
        _greedy.Dispose();
        _honest.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task AKeyOverItsLimit_IsResourceExhausted_WhileAnotherKeyPublishes()
    {
        Assert.Equal(100, (await _greedy.PublishAsync(Logins("burst", 100))).Accepted);

        var refused = Assert.ThrowsAsync<RpcException>(() => _greedy.PublishAsync(Logins("over", 50)));
        var honest = _honest.PublishAsync(Logins("honest", 50));
        await Task.WhenAll(refused, honest);

        Assert.Equal(StatusCode.ResourceExhausted, (await refused).StatusCode);
        Assert.Contains("1 events a second", (await refused).Status.Detail);
        Assert.Contains("send it again in", (await refused).Status.Detail);
        Assert.Equal(50, (await honest).Accepted);
    }

    [Fact]
    public async Task ThrottledEvents_AreCountedInMetrics_UnderTheKeysName()
    {
        await _greedy.PublishAsync(Logins("fill", 100));
        await Assert.ThrowsAsync<RpcException>(() => _greedy.PublishAsync(Logins("over", 30)));
        await Assert.ThrowsAsync<RpcException>(() => _greedy.PublishAsync(Logins("huge", 101)));
        await _honest.PublishAsync(Logins("honest", 20));

        var metrics = await Operations.MetricsScrape.ScrapeAsync(_silo.Http);

        Assert.Equal(131, metrics["zhijiang_ingest_events_throttled_total{key=\"key:test-platform\"}"]);
        Assert.False(metrics.ContainsKey("zhijiang_ingest_events_throttled_total{key=\"key:test-second\"}"));
    }

    [Fact]
    public async Task ARefusedBatch_TakesNothing_SoItsEventsAreNewLater()
    {
        await _greedy.PublishAsync(Logins("fill", 100));
        await Assert.ThrowsAsync<RpcException>(() => _greedy.PublishAsync(Logins("retry", 10)));

        var retried = await _honest.PublishAsync(Logins("retry", 10));

        Assert.Equal((10, 0), (retried.Accepted, retried.Duplicates));
    }

    [Fact]
    public async Task ABatchLargerThanTheBurst_IsResourceExhausted_SayingToSplitIt()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _greedy.PublishAsync(Logins("huge", 101)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("smaller batches", error.Status.Detail);
    }

    [Fact]
    public async Task AStreamOverItsLimit_EndsResourceExhausted_AfterTheRepliesBeforeIt()
    {
        await using var stream = _greedy.OpenPublishStream();
        await stream.WriteAsync(Logins("s1", 60));
        var first = await stream.ReadAsync();
        await stream.WriteAsync(Logins("s2", 60));

        var second = await Record.ExceptionAsync(async () => await stream.ReadAsync());

        Assert.Equal(60, first!.Accepted);
        Assert.Equal(StatusCode.ResourceExhausted, Assert.IsType<RpcException>(second).StatusCode);
    }

    private static PublishRequest Logins(string tag, int count) =>
        Batch([.. Enumerable.Range(0, count).Select(i => Login($"{tag}-{i}", teacher: i % 2 == 0 ? "T1" : "T2"))]);
}
