using Grpc.Health.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Grpc;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>grpc.health.v1.Health</c> as grpc's health-checking protocol has it: Check answers NOT_FOUND for an
/// unknown service; Watch answers SERVICE_UNKNOWN for one, then every change, until the client goes.
/// </summary>
public sealed class HealthService(HealthBoard board)
{
    public const string Name = "grpc.health.v1.Health";

    public void Map(GrpcMethods methods) => methods
        .Unary(Name, "Check", HealthCheckRequest.Parser, (request, _) => Task.FromResult(new HealthCheckResponse
        {
            Status = board.StatusOf(request.Service)
                ?? throw new GrpcStatusException(GrpcStatusCode.NotFound, $"unknown service '{request.Service}'"),
        }))
        .ServerStreaming(Name, "Watch", HealthCheckRequest.Parser, WatchAsync);

    private async Task WatchAsync(HealthCheckRequest request, GrpcCall call)
    {
        var changes = board.Watch(request.Service, call.CancellationToken);
        ServingStatus? last = board.StatusOf(request.Service) ?? ServingStatus.ServiceUnknown;
        await call.WriteAsync(new HealthCheckResponse { Status = last.Value });
        await foreach (var status in changes.ReadAllAsync(call.CancellationToken))
        {
            if (status != last)
            {
                last = status;
                await call.WriteAsync(new HealthCheckResponse { Status = status });
            }
        }
    }
}
