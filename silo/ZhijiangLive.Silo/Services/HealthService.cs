using Grpc.Core;
using Grpc.Health.V1;
using ZhijiangLive.Silo.Grpc;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>grpc.health.v1.Health</c> as grpc's health-checking protocol has it: Check answers NOT_FOUND for an
/// unknown service; Watch answers SERVICE_UNKNOWN for one, then every change, until the client goes.
/// Open to anyone: load balancers and orchestrators probe it without credentials.
/// </summary>
/// <remarks>
/// Grpc.HealthCheck's own service never ends a Watch, which would hold a graceful stop up to its timeout;
/// this one ends every Watch when the host stops, after NOT_SERVING, and follows readiness at once
/// (<see cref="Operations.GrpcHealthFollower"/>) rather than on a health-check publisher's period.
/// </remarks>
[GrpcAccess(GrpcAccess.Anyone)]
public sealed class HealthService(HealthBoard board, IHostApplicationLifetime lifetime) : Health.HealthBase
{
    public const string Name = "grpc.health.v1.Health";

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckResponse
        {
            Status = board.StatusOf(request.Service)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"unknown service '{request.Service}'")),
        });

    /// <summary>Ends when the host stops (after NOT_SERVING is sent), so that no watcher holds up shutdown.</summary>
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var changes = board.Watch(request.Service, ends.Token);
        ServingStatus? last = board.StatusOf(request.Service) ?? ServingStatus.ServiceUnknown;
        await responses.WriteAsync(new HealthCheckResponse { Status = last.Value });
        // The board completes the channel when `ends` fires, so a stop ends the call, with OK.
        await foreach (var status in changes.ReadAllAsync(context.CancellationToken))
        {
            if (status != last)
            {
                last = status;
                await responses.WriteAsync(new HealthCheckResponse { Status = status });
            }
        }
        if (lifetime.ApplicationStopping.IsCancellationRequested && last != ServingStatus.NotServing)
        {
            await responses.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing });
        }
    }
}
