using ZhijiangLive.Silo.Tests.Live;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>The dashboard's figures at <c>/metrics</c>: open hub connections, and pushes by kind.</summary>
public sealed class LiveMetricsTests
{
    private const string Connections = "zhijiang_live_connections";
    private const string Snapshots = "zhijiang_live_pushes_total{kind=\"snapshot\"}";
    private const string Updates = "zhijiang_live_pushes_total{kind=\"update\"}";

    [Fact]
    public async Task HubConnectionsAndPushes_AreCounted_AndAClosedConnectionLeavesTheGauge()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var grpc = TestClients.Platform(silo.GrpcAddress);
        var hub = await LiveHubClient.ConnectAsync(silo.Http.BaseAddress!, TestCredentials.ProvinceToken);
        try
        {
            await MetricsScrape.ScrapeUntilAsync(silo.Http, Connections, 1);
            await hub.InvokeAsync("Subscribe", "330106", "day");
            Assert.Equal("snapshot", (await hub.NextAsync(TimeSpan.FromSeconds(5))).Target);
            await grpc.PublishAsync(Batch(Login("p1")));
            Assert.Equal("update", (await hub.NextAsync(TimeSpan.FromSeconds(5))).Target);

            var samples = await MetricsScrape.ScrapeUntilAsync(silo.Http, Updates, 1);
            Assert.Equal(1, samples[Snapshots]);
        }
        finally
        {
            await hub.DisposeAsync();
        }
        await MetricsScrape.ScrapeUntilAsync(silo.Http, Connections, 0);
    }
}
