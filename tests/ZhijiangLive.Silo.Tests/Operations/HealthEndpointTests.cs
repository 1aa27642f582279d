using ZhijiangLive.Silo.Hosting;
using System.Net;
using System.Text.Json;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZhijiangLive.Client;
using Grpc.Core;
using ZhijiangLive.Silo.Services;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>/healthz, /readyz and gRPC health on a running silo, and what they say once it begins to stop.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task RunningSilo_IsLiveAndReady_OverHttpWithoutCredentials_AndServingOverGrpc()
    {
        await using var silo = await RunningSilo.StartAsync();
        using var client = new ZhijiangClient(silo.GrpcAddress);

        using var live = await silo.Http.GetAsync("/healthz");
        using var ready = await silo.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", report.RootElement.GetProperty("status").GetString());
        Assert.All(report.RootElement.GetProperty("checks").EnumerateObject(), check => Assert.Equal("ok", check.Value.GetString()));
        Assert.Equal(["cluster", "recovery", "store", "journal", "host"], report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name));
        foreach (var service in new[] { "", IngestService.Name, RosterService.Name, QueryService.Name, GrpcHealthMapping.HealthServiceName })
        {
            Assert.Equal(ServingStatus.Serving, (await client.CheckHealthAsync(service)).Status);
        }
    }

    [Fact]
    public async Task OnceTheSiloBeginsToStop_ItIsNotReady_GrpcHealthSaysNotServing_AndIngestRefusesAndEndsStreamsWithTheReason()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var client = TestClients.Platform(silo.GrpcAddress);
        await using var watch = client.WatchHealth().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.Current.Status);
        await using var stream = client.OpenPublishStream();
        await stream.WriteAsync(Batch(Login("before")));
        Assert.Equal(1, (await stream.ReadAsync())!.Accepted);

        // What SIGTERM does first; the test's host then stays up, so that it can be asked.
        silo.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, watch.Current.Status);
        using var ready = await silo.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("not ready", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("the silo is shutting down", report.RootElement.GetProperty("checks").GetProperty("host").GetString());
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/healthz")).StatusCode);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Batch(Login("late"))));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.StartsWith("the silo is shutting down", refused.Status.Detail);
        Assert.Equal(ServingStatus.NotServing, (await client.CheckHealthAsync(IngestService.Name)).Status);
        // An idle stream is ended rather than left to hold the stop up.
        var ended = await Assert.ThrowsAsync<RpcException>(async () => await stream.ReadAsync());
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.StartsWith("the silo is shutting down", ended.Status.Detail);
    }
}
