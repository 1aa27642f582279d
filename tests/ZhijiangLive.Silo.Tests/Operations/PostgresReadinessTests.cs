using System.Net;
using System.Text.Json;
using Grpc.Health.V1;
using ZhijiangLive.Silo.Services;
using ZhijiangLive.Silo.Tests.Durability;
using ZhijiangLive.Storage.Tests.Postgres;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>While PostgreSQL is down the silo is live but not ready, over HTTP and gRPC health alike; it is ready again when the store returns.</summary>
[Collection("postgres")]
public sealed class PostgresReadinessTests(PostgresServer postgres)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StoreStopped_NotReadyAndWatchersToldNotServing_ThenReadyAndServingWhenItReturns()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var silo = await RunningSilo.StartAsync([.. StoreSettings.Postgres(connectionString),
            "--Zhijiang:Health:ProbeInterval=00:00:00.200", "--Zhijiang:Health:ProbeTimeout=00:00:01"]);
        using var client = TestClients.Platform(silo.GrpcAddress);
        await using var watch = client.WatchHealth().GetAsyncEnumerator();
        Assert.Equal(ServingStatus.Serving, await NextAsync(watch));
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/readyz")).StatusCode);

        await postgres.StopAsync();
        try
        {
            Assert.Equal(ServingStatus.NotServing, await NextAsync(watch));
            using var ready = await silo.Http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.StartsWith("the postgres store ", report.RootElement.GetProperty("checks").GetProperty("store").GetString());
            Assert.Equal("ok", report.RootElement.GetProperty("checks").GetProperty("host").GetString());
            Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/healthz")).StatusCode);
            Assert.Equal(ServingStatus.NotServing, (await client.CheckHealthAsync(IngestService.Name)).Status);
            // Queries answer from memory meanwhile.
            Assert.Equal(ServingStatus.Serving, (await client.CheckHealthAsync(QueryService.Name)).Status);
            Assert.Equal(0, (await MetricsScrape.ScrapeAsync(silo.Http))["zhijiang_silo_ready"]);
        }
        finally
        {
            await postgres.StartAsync();
        }

        Assert.Equal(ServingStatus.Serving, await NextAsync(watch));
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/readyz")).StatusCode);
    }

    private static async Task<ServingStatus> NextAsync(IAsyncEnumerator<HealthCheckResponse> watch)
    {
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait), "the watch ended");
        return watch.Current.Status;
    }
}
