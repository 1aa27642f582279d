using Grpc.Health.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Grpc;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>grpc.health.v1.Health</c> as grpc's health-checking protocol has it: Check answers NOT_FOUND for an
/// unknown service; Watch answers SERVICE_UNKNOWN for one, then every change, until the client goes.
/// </summary>
public sealed class HealthService(HealthBoard board, IHostApplicationLifetime lifetime)
{
    public const string Name = "grpc.health.v1.Health";

    /// <summary>Open to anyone: load balancers and orchestrators probe it without credentials.</summary>
    public void Map(GrpcMethods methods) => methods
        .Service(Name, GrpcAccess.Anyone)
        .Unary(Name, "Check", HealthCheckRequest.Parser, request => Task.FromResult(new HealthCheckResponse
        {
            Status = board.StatusOf(request.Service)
                ?? throw new GrpcStatusException(GrpcStatusCode.NotFound, $"unknown service '{request.Service}'"),
        }))
        .ServerStreaming(Name, "Watch", HealthCheckRequest.Parser, WatchAsync);

    /// <summary>Ends when the host stops (after NOT_SERVING is sent), so that no watcher holds up shutdown.</summary>
    private async Task WatchAsync(HealthCheckRequest request, GrpcCall call)
    {
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken, lifetime.ApplicationStopping);
        var changes = board.Watch(request.Service, ends.Token);
        ServingStatus? last = board.StatusOf(request.Service) ?? ServingStatus.ServiceUnknown;
        await call.WriteAsync(new HealthCheckResponse { Status = last.Value });
        // The board completes the channel when `ends` fires, so a stop ends the call, with OK.
        await foreach (var status in changes.ReadAllAsync(call.CancellationToken))
        {
            if (status != last)
            {
                last = status;
                await call.WriteAsync(new HealthCheckResponse { Status = status });
            }
        }
        if (lifetime.ApplicationStopping.IsCancellationRequested && last != ServingStatus.NotServing)
        {
            await call.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing });
        }
    }
}
