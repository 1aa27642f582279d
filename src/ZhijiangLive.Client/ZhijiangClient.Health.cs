using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Health.V1;

namespace ZhijiangLive.Client;

/// <summary>The standard health service; the empty service name asks about the server as a whole.</summary>
public sealed partial class ZhijiangClient
{
    public Task<HealthCheckResponse> CheckHealthAsync(string service = "", ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _health.CheckAsync(new HealthCheckRequest { Service = service }, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    /// <summary>The serving status now and at every change, until the call is cancelled or the server ends it.</summary>
    public async IAsyncEnumerable<HealthCheckResponse> WatchHealth(string service = "", ZhijiangCallOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = _health.Watch(new HealthCheckRequest { Service = service }, CallOptionsFor(options, cancellationToken));
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return response;
        }
    }
}
