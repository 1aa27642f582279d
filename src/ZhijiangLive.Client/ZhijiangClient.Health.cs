using Grpc.Health.V1;

namespace ZhijiangLive.Client;

/// <summary>The standard health service; the empty service name asks about the server as a whole.</summary>
public sealed partial class ZhijiangClient
{
    public Task<HealthCheckResponse> CheckHealthAsync(string service = "", CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.HealthCheck, new HealthCheckRequest { Service = service }, HealthCheckResponse.Parser, options, cancellationToken);

    /// <summary>The serving status now and at every change, until the call is cancelled or the server ends it.</summary>
    public IAsyncEnumerable<HealthCheckResponse> WatchHealth(string service = "", CallOptions? options = null, CancellationToken cancellationToken = default) =>
        ServerStreamingAsync(ServiceMethods.HealthWatch, new HealthCheckRequest { Service = service }, HealthCheckResponse.Parser, options, cancellationToken);
}
