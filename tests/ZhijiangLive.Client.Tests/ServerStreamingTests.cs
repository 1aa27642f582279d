using Grpc.Health.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class ServerStreamingTests
{
    [Fact]
    public async Task WatchHealth_StreamsEveryStatusUntilTheCallEnds()
    {
        var statuses = new[] { HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.NotServing };
        var handler = new FakeHandler(() => FakeHandler.Grpc(Frames.Of(statuses.Select(s => new HealthCheckResponse { Status = s }).ToArray())));
        using var client = TestClients.Create(handler);
        var seen = new List<HealthCheckResponse.Types.ServingStatus>();
        await foreach (var response in client.WatchHealth("zhijiang.live.v1.Ingest"))
        {
            seen.Add(response.Status);
        }
        Assert.Equal(statuses, seen);
        Assert.Equal("/grpc.health.v1.Health/Watch", handler.Request!.RequestUri!.AbsolutePath);
        Assert.Equal(Frames.Of(new HealthCheckRequest { Service = "zhijiang.live.v1.Ingest" }), handler.RequestBody);
    }

    [Fact]
    public async Task WatchHealth_ErrorAfterMessages_ThrowsAfterThem()
    {
        var handler = new FakeHandler(() => FakeHandler.Grpc(Frames.Of(new HealthCheckResponse()), GrpcStatusCode.Unavailable, "going away"));
        using var client = TestClients.Create(handler);
        var seen = 0;
        var status = await TestClients.StatusOf(async () => { await foreach (var _ in client.WatchHealth()) { seen++; } });
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unavailable, "going away"), status);
        Assert.Equal(1, seen);
    }
}
